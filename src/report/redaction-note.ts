// What a redacted report still shows: the UI and the report page say so. Apart from the redaction
// code (which uses Buffer), so the renderer can import it through src/api.ts.
import type { Text } from '../util/text';

/** What a redacted report still shows, for the UI and the report page (Italian first). */
export const REDACTION_NOTE: Text = {
  it:
    'Nel rapporto oscurato restano visibili: il gestore PEC e i suoi server, porte, versioni TLS e certificati, il sistema ' +
    'operativo e i programmi di posta con le loro versioni, i problemi trovati e le soluzioni. Sono sostituiti: indirizzi ' +
    '(la parte prima della @), nomi utente e nomi visualizzati, il nome della cartella utente nei percorsi, i domini e i server ' +
    'che non sono di un gestore conosciuto; i dati binari che possono contenere nomi sono tolti. Le password non sono mai lette.',
  en:
    'A redacted report still shows: the PEC provider and its servers, ports, TLS versions and certificates, the operating ' +
    'system and mail programs with their versions, the problems found and the fixes. Replaced: addresses (the part before the ' +
    '@), user and display names, the user folder name in paths, domains and servers not belonging to a known provider; binary ' +
    'data that may hold names is removed. Passwords are never read.',
};
