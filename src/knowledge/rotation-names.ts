import type { Knowledge, Rotation, Site } from './schema.js';

/** A schedule label reduced to what matters: "Surg Onc", "surg-onc" and "SURG_ONC" are one label. */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/[\s_\-./]+/g, '');
}

/** Resolves coordinators' labels to rotation ids through the knowledge base's labels and aliases. */
export function createLabelResolver(rotations: readonly Rotation[]): (label: string) => string | null {
  const byLabel = new Map<string, string>();
  for (const r of rotations) {
    for (const name of [...r.labels, r.id, r.name, ...r.aliases]) {
      const key = normalizeLabel(name);
      if (!byLabel.has(key)) byLabel.set(key, r.id);
    }
  }
  return (label) => byLabel.get(normalizeLabel(label)) ?? null;
}

export interface RotationDisplay {
  /** "Interventional Radiology" (or the label as written, for a label the knowledge base does not know). */
  name: string;
  site?: Site;
  /** "Interventional Radiology at the Durham VA" — the one way answers, posts and calendars name a block. */
  text: string;
  rotation?: Rotation;
}

/** How a block is named everywhere: the rotation's display name with its site. */
export function describeRotation(
  knowledge: Knowledge,
  block: { rotationId: string | null; label: string; site?: string },
): RotationDisplay {
  const rotation = block.rotationId ? knowledge.rotations.find((r) => r.id === block.rotationId) : undefined;
  const site = resolveSite(knowledge, block.site ?? rotation?.site);
  const name = rotation?.name ?? block.label;
  const siteName = site?.name ?? (block.site && !rotation?.site ? block.site : undefined);
  const text =
    siteName && !name.toLowerCase().includes(siteName.toLowerCase()) ? `${name} at ${siteName}` : name;
  return { name, site, text, rotation };
}

/** A site named by id, name or alias ("durham-va", "Durham VA", "VA"), as the long format's site column may give it. */
export function resolveSite(knowledge: Knowledge, text: string | undefined): Site | undefined {
  if (!text) return undefined;
  const key = normalizeLabel(text);
  return knowledge.program.sites.find(
    (s) =>
      s.id === text || normalizeLabel(s.name) === key || s.aliases.some((a) => normalizeLabel(a) === key),
  );
}
