// The HTML report's style sheet (inline in the page: the report has no external resources). A4
// pages, page 1 for the lawyer, the technician detail from a page break; decisive rows in red.
export const CSS = `
@page { size: A4; margin: 14mm 14mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.36; color: #1b1b1b; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #888; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; }
.meta { color: #444; font-size: 9pt; margin: 1mm 0 0; }
.case { border: 1.5px solid #1b1b1b; border-radius: 2mm; padding: 1.5mm 3mm; text-align: center; white-space: nowrap; }
.case b { display: block; font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 15pt; letter-spacing: .06em; }
.case span { font-size: 8pt; color: #444; }
.verdict { border: 2px solid #666; border-radius: 3mm; padding: 2.5mm 4.5mm; margin: 3.5mm 0 2.5mm; break-inside: avoid; background: #f4f4f4; }
.verdict h2 { border: 0; margin: 0 0 1mm; padding: 0; font-size: 15pt; }
.verdict p { margin: 1mm 0; }
.verdict ul { margin: 1mm 0 0 5mm; padding: 0; }
.st-error, .st-offline { border-color: #b00020; background: #fdecee; }
.st-warning { border-color: #a15c00; background: #fff4e0; }
.st-ok { border-color: #1e7b34; background: #e9f6ec; }
.st-incomplete, .st-not-pec { border-color: #4a5568; background: #f1f3f6; }
.next { font-weight: bold; }
.plan { border-left: 4px solid #888; padding: .5mm 0 .5mm 4mm; margin: 0 0 3mm; break-inside: avoid; }
.plan.sev-error { border-color: #b00020; } .plan.sev-warning { border-color: #a15c00; } .plan.sev-info { border-color: #2a5db0; }
.plan h3 { margin: 0 0 1mm; }
.plan p { margin: 1mm 0; }
ol.steps { list-style: none; margin: 1mm 0; padding: 0; counter-reset: step; }
ol.steps li { margin: .8mm 0; padding-left: 7mm; position: relative; overflow-wrap: anywhere; }
ol.steps li::before { position: absolute; left: 0; font-weight: bold; }
ol.steps li.todo::before { content: "☐"; } ol.steps li.done::before { content: "☑"; color: #1e7b34; } ol.steps li.unknown::before { content: "?"; color: #a15c00; }
ol.steps li.done { color: #555; }
.state { font-size: 8pt; text-transform: uppercase; letter-spacing: .03em; color: #555; }
.stopgap { background: #eef4fc; border-radius: 1.5mm; padding: 1.5mm 3mm; margin: 1.5mm 0 0; }
.links { font-size: 8pt; line-height: 1.25; margin: .5mm 0 0; padding-left: 0; list-style: none; }
.links a { color: #0b4fa8; }
.url { word-break: break-all; color: #444; }
.others { margin: 1mm 0 0 5mm; padding: 0; }
.machine { margin: 0; padding: 0; list-style: none; }
.machine li { margin: .6mm 0; }
.machine b { display: inline-block; min-width: 40mm; }
.badge { display: inline-block; font-size: 8pt; font-weight: bold; text-transform: uppercase; letter-spacing: .03em; padding: .2mm 1.5mm; border-radius: 1mm; color: #fff; margin-right: 2mm; vertical-align: middle; background: #666; }
.badge.sev-error { background: #b00020; } .badge.sev-warning { background: #a15c00; } .badge.sev-info { background: #2a5db0; } .badge.sev-ok { background: #1e7b34; }
.finding { margin: 0 0 3mm; break-inside: avoid; }
.finding h3 { display: inline; font-size: 10.5pt; vertical-align: middle; }
.finding p, .finding li { margin: 1mm 0; overflow-wrap: anywhere; }
.finding ol { margin: 1mm 0 1mm 5mm; padding-left: 3mm; }
.id { color: #666; font-size: 8pt; font-family: Consolas, "DejaVu Sans Mono", monospace; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8.5pt; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: .8mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f0f0f0; }
table.fixed { table-layout: fixed; }
tr.decisive td { background: #fdecee; font-weight: bold; }
td.mono, .mono { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 8pt; }
td.mono { word-break: break-all; }
.tech { break-before: page; }
.endpoint { margin-bottom: 4mm; }
.muted { color: #666; }
.oks { columns: 2; font-size: 9pt; margin: 0; padding-left: 4mm; }
.sub { break-after: avoid; margin: 2.5mm 0 1mm; }
.redaction { font-size: 8pt; line-height: 1.3; color: #333; border: 1px dashed #888; border-radius: 1.5mm; padding: 1mm 2.5mm; margin: 2mm 0 0; }
.regpath { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 8.5pt; overflow-wrap: anywhere; white-space: normal; }
.reach { margin: 0; padding: 0; list-style: none; font-size: 9pt; }
.reach li { margin: .5mm 0; overflow-wrap: anywhere; }
.reach .no { color: #b00020; font-weight: bold; } .reach .part { color: #8a4d00; font-weight: bold; }
tr.partial td { background: #fff4e0; }
td.bad { color: #b00020; font-weight: bold; background: #fdecee; }
`;
