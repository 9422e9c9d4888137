// Draws the blocks of the technician model (src/report/technician): tables, notes, findings and
// servers. Nothing here decides what is shown or what is decisive: rows, values and marks are the
// model's; this file only chooses the markup (a decisive row is highlighted and says so in words,
// a yes/no answer gets ✔/✘, machine text is monospace). Every scrollable region is labelled with
// where it is (the server's URL, the section), so two servers never give two equal landmarks.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { TECH_LABELS } from '../../../../src/api';
import type { TechBlock, TechCell, TechFindings, TechRow, TechTable, Text } from '../../../../src/api';
import { useI18n } from '../../i18n';

const L = TECH_LABELS;

export function useText() {
  const { lang } = useI18n();
  return (x: Text | null | undefined): string => (x ? (x[lang] ?? x.it) : '');
}

/**
 * The horizontal scroller around a table. Only when the table is really wider than the page
 * does it become a focusable, labelled region, so that keyboard users can scroll it too.
 */
function ScrollBox({ children, label }: { children: ReactNode; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="table-scroll"
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? label : undefined}
    >
      {children}
    </div>
  );
}

/** Long machine output: monospace, its own scroll, focusable so the keyboard can scroll it. */
export function MonoBlock({ text, label }: { text: string; label: string }) {
  return (
    <pre className="mono-block" tabIndex={0} role="region" aria-label={label}>
      {text}
    </pre>
  );
}

function Decisive({ row }: { row: TechRow }) {
  const { m } = useI18n();
  return row.mark === 'decisive' ? <span className="decisive-mark">{m.techDecisive}</span> : null;
}

function CellView({ c, label }: { c: TechCell; label: string }) {
  const t = useText();
  const value = t(c.text);
  if (c.mono && value.includes('\n')) return <MonoBlock text={value} label={label} />;
  if (c.lines) return <>{c.lines.map((l, i) => (i ? [<br key={i} />, t(l)] : t(l)))}</>;
  // A yes/no answer and a cipher name stay on one line; other text may break anywhere.
  if (c.check !== undefined) return <span className="nowrap">{`${c.check ? '✔' : '✘'} ${value}`}</span>;
  if (c.mono) return <code className={/^[A-Z0-9_-]+$/.test(value) ? 'nowrap' : 'break-any'}>{value}</code>;
  return <span className={c.bad ? 'break-any bad-value' : 'break-any'}>{value}</span>;
}

const rowAttrs = (r: TechRow) => ({
  className: r.mark,
  'data-decisive': r.mark === 'decisive' ? 'true' : undefined,
  'data-mark': r.mark,
});

/** A table of label/value rows (a record). */
function KeyValues({ rows, label, testId }: { rows: TechRow[]; label: string; testId?: string }) {
  const { m } = useI18n();
  const t = useText();
  return (
    <ScrollBox label={label}>
      <table className="table kv" data-testid={testId}>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{m.thField}</th>
            <th scope="col">{m.thValue}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} {...rowAttrs(r)}>
              <th scope="row">{t(r.cells[0]?.text)}</th>
              <td className="break">
                {r.cells.slice(1).map((c, j) => (
                  <CellView key={j} c={c} label={`${label}: ${t(r.cells[0]?.text)}`} />
                ))}
                <Decisive row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Grid({ table, label }: { table: TechTable; label: string }) {
  const t = useText();
  return (
    <ScrollBox label={label}>
      <table className="table" data-testid={table.id}>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th scope="col" key={i}>
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i} {...rowAttrs(r)}>
              {r.cells.map((c, j) => (
                <td key={j} className="break">
                  <CellView c={c} label={`${label}: ${t(table.head[j])} ${i + 1}`} />
                  {j === r.cells.length - 1 && <Decisive row={r} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** One small label/value table per record (an account): readable at 800 px. */
function Records({ table, label }: { table: TechTable; label: string }) {
  return (
    <div data-testid={table.id} data-layout="records">
      {table.rows.map((r, i) => (
        <div key={i} className="account-block" data-record={i} data-mark={r.mark}>
          <KeyValues
            label={`${label} ${i + 1}`}
            testId={`${table.id}-record`}
            rows={r.cells.map((c, j) => ({ cells: [{ text: table.head[j] }, c] }))}
          />
        </div>
      ))}
    </div>
  );
}

function TableBlock({ table, where }: { table: TechTable; where: string }) {
  const t = useText();
  const title = table.heading ? t(table.heading.text) : '';
  const label = [where, title || table.head.map(t).join(', ')].filter(Boolean).join(' · ');
  const heading = !table.heading ? null : table.heading.style === 'h3' ? <h3>{title}</h3> : <h4>{title}</h4>;
  let body: ReactNode;
  if (!table.rows.length) body = <p className="muted">{t(L.values.noData)}</p>;
  else if (table.layout === 'kv') body = <KeyValues rows={table.rows} label={label} testId={table.id} />;
  else if (table.layout === 'records') body = <Records table={table} label={label} />;
  else body = <Grid table={table} label={label} />;
  return (
    <>
      {heading}
      {body}
    </>
  );
}

function FindingsBlock({ block, where }: { block: TechFindings; where: string }) {
  const t = useText();
  const { m } = useI18n();
  const all = [...block.problems, ...block.passed];
  const table: TechTable = {
    kind: 'table',
    id: 'findings',
    layout: 'grid',
    head: [L.fields.findingId, L.fields.state, L.fields.subject, { it: m.thTitle, en: m.thTitle }],
    rows: all.map((f) => ({
      cells: [
        { text: { it: f.id, en: f.id }, mono: true },
        { text: L.severity[f.severity] },
        { text: { it: f.subject ?? '', en: f.subject ?? '' } },
        { text: f.title },
      ],
    })),
  };
  return all.length ? <Grid table={table} label={where} /> : <p>{t(L.values.none)}</p>;
}

export function Block({ block, where }: { block: TechBlock; where: string }) {
  const t = useText();
  switch (block.kind) {
    case 'table':
      return <TableBlock table={block} where={where} />;
    case 'note':
      return (
        <p className={block.muted ? 'muted' : undefined}>
          {t(block.text)}
          {block.code && (
            <>
              {' · '}
              <code className="break-any">{block.code}</code>
            </>
          )}
        </p>
      );
    case 'findings':
      return <FindingsBlock block={block} where={where} />;
    case 'endpoint':
      return (
        <div className="endpoint" data-testid="endpoint" data-url={block.url}>
          <h3>{block.url}</h3>
          {block.blocks.map((b, i) => (
            <Block key={i} block={b} where={block.url} />
          ))}
        </div>
      );
  }
}

export { KeyValues };
