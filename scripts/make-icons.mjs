// Renders assets/icon.svg to the PNG and ICO files electron-builder wants (run by hand when the
// icon changes; the outputs are committed). Uses Debian's Chromium, no downloaded browser.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const png = async (size) => {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  const buf = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return buf;
};
const big = await png(1024);
writeFileSync(new URL('../assets/icon.png', import.meta.url), big);
// ICO with one 256x256 PNG entry (Windows Vista+ reads PNG-compressed icon images).
const p256 = await png(256);
const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.writeUInt8(0, 6);
header.writeUInt8(0, 7); // 0 means 256
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(p256.length, 14);
header.writeUInt32LE(22, 18);
writeFileSync(new URL('../assets/icon.ico', import.meta.url), Buffer.concat([header, p256]));
await browser.close();
console.log('assets/icon.png (1024), assets/icon.ico (256)');
