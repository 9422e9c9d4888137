import * as path from 'node:path';
import * as fs from 'node:fs';
import Ajv from 'ajv';
import { collectInventory } from '../../../src/inventory/index';
import { recordedSource } from '../../../src/inventory/source';
import type { Inventory } from '../../../src/inventory/types';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'inventory');
export const fixtureDir = (name: string) => path.join(FIXTURES, name);
export const fixtureNames = () =>
  fs
    .readdirSync(FIXTURES)
    .filter((n) => fs.existsSync(path.join(FIXTURES, n, 'machine.json')))
    .sort();

export function inventoryOf(name: string): Promise<Inventory> {
  return collectInventory({ source: recordedSource(fixtureDir(name)) });
}

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'inventory.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
export const validateInventory = ajv.compile(schema);
