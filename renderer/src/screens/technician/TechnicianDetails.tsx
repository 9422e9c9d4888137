// Screen 4: every piece of evidence for the technician, summary first, then foldable sections
// (<details>) in the order of the HTML report. Both draw the one technician model of the core
// (technicianModel, src/report/technician): the same rows, labels (TECH_LABELS), values and
// decisive marks; this screen decides nothing itself. Then the raw evidence and the whole report
// as JSON. A section whose shape is unexpected falls back to its raw data instead of breaking the
// screen.
import { Component, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { TECH_LABELS } from '../../../../src/api';
import type { BridgeApi, Report, TechEvidence, TechnicianModel, TechSection } from '../../../../src/api';
import { errorText } from '../running/useDiagnosis';
import { useI18n } from '../../i18n';
import { Block, KeyValues, MonoBlock, useText } from './TechBlocks';

const L = TECH_LABELS;

interface BoundaryProps {
  data: unknown;
  message: string;
  children: ReactNode;
}

/** A section that cannot be drawn (a field changed shape) shows its raw data instead. */
class SectionBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div>
        <p className="muted">{this.props.message}</p>
        <pre className="mono-block" tabIndex={0}>
          {JSON.stringify(this.props.data, null, 2)}
        </pre>
      </div>
    );
  }
}

function Section({
  title,
  data,
  children,
  testId,
  open,
}: {
  title: string;
  data: unknown;
  children: ReactNode;
  testId?: string;
  open: boolean;
}) {
  const { m } = useI18n();
  const id = useId();
  return (
    <details className="tech-section" open={open} data-testid={testId}>
      <summary>
        <h2 id={id}>{title}</h2>
      </summary>
      <div className="tech-section-body" role="group" aria-labelledby={id}>
        <SectionBoundary data={data} message={m.techRenderError}>
          {children}
        </SectionBoundary>
      </div>
    </details>
  );
}

function ModelSection({ section }: { section: TechSection }) {
  const t = useText();
  const title = t(section.title);
  return (
    <Section title={title} data={section} testId={`tech-${section.id}`} open={!section.folded}>
      {section.blocks.map((b, i) => (
        <Block key={i} block={b} where={title} />
      ))}
    </Section>
  );
}

function EvidenceList({ list, testId }: { list: TechEvidence[]; testId?: string }) {
  const t = useText();
  if (list.length === 0) return <p className="muted">{t(L.values.noData)}</p>;
  return (
    <ul className="evidence-list" data-testid={testId}>
      {list.map(({ where, source, raw, error }, i) => (
        <li key={i} className="evidence-item">
          <p className="evidence-head">
            <strong>{where}</strong> · <code className="break-any">{source}</code>
          </p>
          {/* Numbered: two reads of the same source are two regions with their own names. */}
          {raw && <MonoBlock text={raw} label={`${where}: ${source} (${i + 1})`} />}
          {error && (
            <p className="evidence-error">
              {t(L.fields.error)}: <span className="break-any">{error}</span>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The technician's view of a report: the core builds the model (technicianView), this screen draws it. */
export function TechnicianDetails({ api, report }: { api: Pick<BridgeApi, 'technicianView'>; report: Report }) {
  const { m } = useI18n();
  const [state, setState] = useState<{ model: TechnicianModel } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    api.technicianView(report).then(
      (model) => live && setState({ model }),
      (err: unknown) => live && setState({ error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, report]);
  if (!state)
    return (
      <p className="muted" role="status">
        {m.techLoading}
      </p>
    );
  if ('error' in state)
    return (
      <div className="tech" data-testid="technician-details">
        <p className="muted">{m.techRenderError}</p>
        <pre className="raw-json mono-block" tabIndex={0}>
          {JSON.stringify(report, null, 2)}
        </pre>
        <p className="evidence-error">{state.error}</p>
      </div>
    );
  return <TechnicianView model={state.model} report={report} />;
}

/** Draws a technician model (pure: the same-rows test renders it on the server). */
export function TechnicianView({ model, report }: { model: TechnicianModel; report: Report }) {
  const { m } = useI18n();
  const t = useText();
  const rootRef = useRef<HTMLDivElement>(null);
  const setAll = (open: boolean) => rootRef.current?.querySelectorAll('details').forEach((d) => (d.open = open));
  // A part heading with nothing of its own (the machine, when its groups follow) needs no fold.
  const sections = model.sections.filter((s) => s.blocks.length > 0);

  return (
    <div className="tech" data-testid="technician-details" ref={rootRef}>
      <section className="panel tech-summary" aria-labelledby="tech-summary-h" data-testid="tech-summary">
        <h2 id="tech-summary-h">{t(L.sections.summary)}</h2>
        <KeyValues rows={model.summary} label={t(L.sections.summary)} />
        <div className="button-row">
          <button type="button" className="button button-quiet" onClick={() => setAll(true)}>
            {m.techOpenAll}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setAll(false)}>
            {m.techCloseAll}
          </button>
        </div>
      </section>

      {sections.map((s) => (
        <ModelSection key={s.id} section={s} />
      ))}

      <Section title={m.techEvidence} data={model.evidence} testId="tech-evidence" open={false}>
        <EvidenceList list={model.evidence} />
      </Section>

      <details className="tech-section raw">
        <summary>
          <h2>{m.techRaw}</h2>
        </summary>
        <pre className="raw-json mono-block" tabIndex={0}>
          {JSON.stringify(report, null, 2)}
        </pre>
      </details>
    </div>
  );
}
