/**
 * Stable clause ids inside the editor: every heading and paragraph carries a `clauseId` attribute
 * (stored by the Collaboration extension in the Yjs document, where the server reads it). A new block,
 * or the second half of a split one (ProseMirror copies attributes on Enter), gets a fresh id.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

const newClauseId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 16);

export const ClauseIds = Extension.create({
  name: 'clauseIds',
  addGlobalAttributes() {
    return [
      {
        types: ['heading', 'paragraph'],
        attributes: {
          clauseId: {
            default: null,
            parseHTML: (el) => el.getAttribute('data-clause-id'),
            renderHTML: (attrs) => (attrs.clauseId ? { 'data-clause-id': attrs.clauseId } : {}),
          },
        },
      },
    ];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('clauseIds'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((t) => t.docChanged) || !this.editor.isEditable) {
            return null;
          }
          const seen = new Set<string>();
          const tr = state.tr;
          let changed = false;
          state.doc.forEach((node, offset) => {
            if (node.type.name !== 'heading' && node.type.name !== 'paragraph') {
              return;
            }
            const id = node.attrs.clauseId as string | null;
            if (!id || seen.has(id)) {
              const fresh = newClauseId();
              tr.setNodeMarkup(offset, undefined, { ...node.attrs, clauseId: fresh });
              seen.add(fresh);
              changed = true;
            } else {
              seen.add(id);
            }
          });
          return changed ? tr : null;
        },
      }),
    ];
  },
});
