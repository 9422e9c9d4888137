// Under the results of a live run: the repair offer, shown only when this machine has one
// (the host reads it live; XP, Vista, Thunderbird, server or antivirus problems get none: their
// plan already says what to do).
import { useEffect, useState } from 'react';
import type { BridgeApi, RepairOffer, Report } from '../../../../src/api';
import { useRepairMessages } from './messages';

export function RepairEntry({
  api,
  report,
  onOpen,
}: {
  api: BridgeApi;
  report: Report;
  onOpen: (offer: Extract<RepairOffer, { status: 'ready' }>) => void;
}) {
  const m = useRepairMessages();
  const [offer, setOffer] = useState<RepairOffer | null>(null);
  useEffect(() => {
    let live = true;
    api.planRepair(report).then(
      (o) => live && setOffer(o),
      () => live && setOffer(null),
    );
    return () => {
      live = false;
    };
  }, [api, report]);
  if (!offer || offer.status !== 'ready') return null;
  return (
    <section className="panel repair-entry" aria-labelledby="repair-entry-h" data-testid="repair-entry">
      <h2 id="repair-entry-h">{m.entryHeading}</h2>
      <p>{m.entryIntro(offer.windows)}</p>
      <button type="button" className="button button-primary button-big" onClick={() => onOpen(offer)}>
        {m.entryButton}
      </button>
    </section>
  );
}
