import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import type { City } from '@cbo/city';
import type { CaseDetail } from '@cbo/contracts';
import type { HistoryStore } from '../history/history-store';
import { renderEntityChartSvg } from './evidence-chart';
import { actionLogCsv, minutesCsv, observationsCsv } from './evidence-csv';
import { caseEntities } from './evidence-entities';
import { renderCaseMapSvg } from './evidence-map';
import { entityMinutes } from './evidence-minutes';
import { evidenceWindow, type EvidenceWindow } from './evidence-window';

/** One file of a pack as the manifest lists it. */
export interface EvidenceFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** `manifest.json` of a pack: what it covers and the SHA-256 of every other file. */
export interface EvidenceManifest {
  format: 'cbo-evidence-pack/1';
  caseId: string;
  cityId: string;
  timeZone: string;
  generatedAt: number;
  window: EvidenceWindow;
  files: EvidenceFile[];
}

/** Inputs of {@link buildEvidencePack}. */
export interface EvidencePackInput {
  detail: CaseDetail;
  city: City;
  store: HistoryStore;
  /** The server clock: the end of an open case's window and the pack's time stamp. */
  now: number;
}

/** A built pack: the zip bytes and its manifest. */
export interface EvidencePack {
  fileName: string;
  zip: Uint8Array;
  manifest: EvidenceManifest;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const safeName = (id: string): string => id.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Builds the evidence pack of a case as one zip: `case.json` (the case, its action log, window and entities),
 * `action-log.csv`, `observations.csv` (raw readings of its segments in the window), `minutes.csv` (per-minute
 * speed and TTI of each entity), `charts/<entity>.svg`, `map.svg` and `manifest.json` with the SHA-256 of
 * every other file. File times in the zip are the generation time, so the same inputs give the same bytes.
 */
export async function buildEvidencePack({
  detail,
  city,
  store,
  now,
}: EvidencePackInput): Promise<EvidencePack> {
  const { case: current, events } = detail;
  const window = evidenceWindow(current, events, now);
  const entities = caseEntities(current, city);
  const segmentIndices = entities.flatMap((e) => (e.segmentIndex === null ? [] : [e.segmentIndex]));
  const observations = segmentIndices.length > 0 ? await store.observations(window, segmentIndices) : [];
  const areas = entities.some((e) => e.target === 'district' || e.target === 'network');
  const minutes = entityMinutes(entities, observations, areas ? await store.nowPerMinute(window) : [], city);
  const alertKeys = new Set(current.alerts.map((a) => a.key));
  const recordedAlerts = (await store.events(window)).filter(
    (e) => e.stream === 'alert' && alertKeys.has(String((e.payload as { key?: unknown } | null)?.key)),
  );
  const timeZone = city.document.timeZone;
  const text: Record<string, string> = {
    'case.json': `${JSON.stringify({ case: current, actionLog: events, window, entities, recordedAlerts }, null, 2)}\n`,
    'action-log.csv': actionLogCsv(events),
    'observations.csv': observationsCsv(observations, city),
    'minutes.csv': minutesCsv(minutes),
    'map.svg': renderCaseMapSvg(city, entities, `${current.id} · ${current.kind} · ${current.severity}`),
  };
  for (const entity of entities) {
    text[`charts/${entity.target}-${safeName(entity.id)}.svg`] = renderEntityChartSvg({
      title: `${entity.nameEn} ${entity.nameZh} (${entity.target} ${entity.id})`,
      minutes: minutes.filter((m) => m.entityId === entity.id && m.target === entity.target),
      window,
      timeZone,
    });
  }
  const files: Record<string, Uint8Array> = {};
  const listed: EvidenceFile[] = [];
  for (const [path, content] of Object.entries(text)) {
    const bytes = strToU8(content);
    files[path] = bytes;
    listed.push({ path, bytes: bytes.length, sha256: sha256(bytes) });
  }
  const manifest: EvidenceManifest = {
    format: 'cbo-evidence-pack/1',
    caseId: current.id,
    cityId: city.document.id,
    timeZone,
    generatedAt: now,
    window,
    files: listed,
  };
  files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  const zip = zipSync(files, { level: 6, mtime: new Date(Math.max(now, Date.UTC(1980, 0, 2))) });
  return { fileName: `evidence-${safeName(current.id)}.zip`, zip, manifest };
}
