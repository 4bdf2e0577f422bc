import { Box, Text } from '@mantine/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './charter-editor.module.css';
import type { CharterSync } from './charter-sync';
import { ClauseIds } from './clause-ids';

/**
 * The charter text in TipTap, bound to the Yjs document (Collaboration) with the other editors'
 * cursors and names (CollaborationCaret over the y-protocols awareness). Only headings and
 * paragraphs: each block is one clause.
 */
export function CharterEditor({
  sync,
  editable,
  user,
}: {
  sync: CharterSync;
  editable: boolean;
  user: { name: string; color: string };
}) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          bulletList: false,
          orderedList: false,
          listItem: false,
          listKeymap: false,
          blockquote: false,
          codeBlock: false,
          code: false,
          horizontalRule: false,
          link: false,
          heading: { levels: [1, 2, 3] },
        }),
        ClauseIds,
        Collaboration.configure({ document: sync.doc, field: 'default' }),
        CollaborationCaret.configure({ provider: { awareness: sync.awareness }, user }),
      ],
      editable,
      editorProps: {
        attributes: {
          'aria-label': t('charters.editor.label'),
          'aria-multiline': 'true',
          role: 'textbox',
          class: classes.prose ?? '',
        },
      },
    },
    [sync],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  return (
    <Box className={classes.frame} data-testid="charter-editor">
      <EditorContent editor={editor} />
      {editor?.isEmpty && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('charters.editor.emptyText')}
        </Text>
      )}
    </Box>
  );
}
