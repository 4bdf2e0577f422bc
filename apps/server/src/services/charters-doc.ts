import type { Clause } from '@essaim/core/charters';
import * as Y from 'yjs';

/**
 * The charter's Yjs document as the web editor writes it: TipTap's Collaboration extension binds the
 * ProseMirror document to the `default` XML fragment (y-prosemirror); each top-level block is an
 * element (`heading` with a numeric `level`, `paragraph`) carrying the clause id in its `clauseId`
 * attribute. This file reads clauses out of that structure and writes them back, for versions,
 * restores, templates and accepted amendments.
 */
export const FRAGMENT = 'default';

export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const u of updates) {
      Y.applyUpdate(doc, u);
    }
  });
  return doc;
}

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    let out = '';
    for (const op of node.toDelta() as { insert: unknown }[]) {
      if (typeof op.insert === 'string') {
        out += op.insert;
      }
    }
    return out;
  }
  if (node.nodeName === 'hardBreak') {
    return '\n';
  }
  let out = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) {
      out += textOf(child);
    }
  }
  return out;
}

/**
 * Clauses in document order. A block without an id (not yet given one by an editor) gets a positional
 * id `b<index>`; {@link ensureClauseIds} fixes that in the document before a version is taken.
 */
export function clausesOf(doc: Y.Doc): Clause[] {
  const out: Clause[] = [];
  doc
    .getXmlFragment(FRAGMENT)
    .toArray()
    .forEach((node, index) => {
      if (!(node instanceof Y.XmlElement)) {
        return;
      }
      const id = node.getAttribute('clauseId');
      const isHeading = node.nodeName === 'heading';
      const level = Number(node.getAttribute('level') ?? 1);
      out.push({
        id: typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : `b${index}`,
        kind: isHeading ? 'heading' : 'paragraph',
        level: isHeading ? Math.min(Math.max(Number.isFinite(level) ? level : 1, 1), 3) : 0,
        text: textOf(node),
      });
    });
  return out;
}

/** Give every block a unique clause id (a split paragraph copies its id; the later copy gets a new one). */
export function ensureClauseIds(doc: Y.Doc, newId: () => string): void {
  const seen = new Set<string>();
  Y.transact(doc, () => {
    for (const node of doc.getXmlFragment(FRAGMENT).toArray()) {
      if (!(node instanceof Y.XmlElement)) {
        continue;
      }
      const id = node.getAttribute('clauseId');
      if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || seen.has(id)) {
        const fresh = newId();
        node.setAttribute('clauseId', fresh);
        seen.add(fresh);
      } else {
        seen.add(id);
      }
    }
  });
}

/** A block's attributes as y-prosemirror stores them: TipTap's heading reads `level` as a number. */
type BlockAttributes = { clauseId: string; level: number };

function elementFor(clause: Clause): Y.XmlElement {
  const el = new Y.XmlElement(clause.kind);
  // Yjs types a fragment's children with string attributes; a heading's level is stored as a number.
  const block: Y.XmlElement<BlockAttributes> = el;
  block.setAttribute('clauseId', clause.id);
  if (clause.kind === 'heading') {
    block.setAttribute('level', clause.level);
  }
  const text = new Y.XmlText();
  text.insert(0, clause.text);
  el.insert(0, [text]);
  return el;
}

/** Replace the whole text by `clauses` (a template, or a restored version). */
export function replaceClauses(doc: Y.Doc, clauses: readonly Clause[]): void {
  const fragment = doc.getXmlFragment(FRAGMENT);
  Y.transact(doc, () => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, clauses.map(elementFor));
  });
}

/** Replace one clause's text (an accepted amendment); false when the clause is gone. */
export function setClauseText(doc: Y.Doc, clauseId: string, text: string): boolean {
  const fragment = doc.getXmlFragment(FRAGMENT);
  const nodes = fragment.toArray();
  const index = nodes.findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('clauseId') === clauseId);
  if (index < 0) {
    return false;
  }
  const old = nodes[index] as Y.XmlElement;
  const clause = clausesOf(doc)[index]!;
  Y.transact(doc, () => {
    old.delete(0, old.length);
    const t = new Y.XmlText();
    t.insert(0, text);
    old.insert(0, [t]);
  });
  return clause !== undefined;
}

/** The update that takes a document from `before` (a state vector) to now. */
export function changesSince(doc: Y.Doc, before: Uint8Array): Uint8Array {
  return Y.encodeStateAsUpdate(doc, before);
}

/** True when `bytes` decodes as a Yjs update (v1). */
export function isValidUpdate(bytes: Uint8Array): boolean {
  try {
    Y.decodeUpdate(bytes);
    return true;
  } catch {
    return false;
  }
}
