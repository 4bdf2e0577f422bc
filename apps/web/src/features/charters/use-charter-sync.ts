import type { Clause } from '@essaim/core/charters';
import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { realtime } from '../../lib/use-realtime';
import { CharterSync, type SyncState } from './charter-sync';

/** One `CharterSync` while the page is mounted. */
export function useCharterSync(charterId: string, token?: string): CharterSync | null {
  const [sync, setSync] = useState<CharterSync | null>(null);
  useEffect(() => {
    const s = new CharterSync(realtime, charterId, token);
    s.start();
    setSync(s);
    return () => {
      s.stop();
      setSync(null);
    };
  }, [charterId, token]);
  return sync;
}

const INITIAL: SyncState = { synced: false, readOnly: true, readOnlyReason: null, unacked: 0 };

export function useSyncState(sync: CharterSync | null): SyncState {
  return useSyncExternalStore(
    (onChange) => (sync ? sync.onState(onChange) : () => {}),
    () => sync?.getState() ?? INITIAL,
    () => INITIAL,
  );
}

/** Clauses read from the document as the editor writes it (same reading as the server's). */
export function clausesOf(doc: Y.Doc): Clause[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .flatMap((node, index) => {
      if (!(node instanceof Y.XmlElement)) {
        return [];
      }
      const id = node.getAttribute('clauseId');
      const isHeading = node.nodeName === 'heading';
      const text = node
        .toArray()
        .map((c) => (c instanceof Y.XmlText ? c.toString().replace(/<[^>]+>/g, '') : ''))
        .join('');
      return [
        {
          id: typeof id === 'string' ? id : `b${index}`,
          kind: isHeading ? ('heading' as const) : ('paragraph' as const),
          level: isHeading ? Number(node.getAttribute('level') ?? 1) : 0,
          text,
        },
      ];
    });
}

export function useClauses(sync: CharterSync | null): Clause[] {
  const [clauses, setClauses] = useState<Clause[]>([]);
  useEffect(() => {
    if (!sync) {
      return;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) {
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        setClauses(clausesOf(sync.doc));
      }, 250);
    };
    setClauses(clausesOf(sync.doc));
    sync.doc.on('update', update);
    return () => {
      sync.doc.off('update', update);
      if (timer) {
        clearTimeout(timer);
      }
    };
  }, [sync]);
  return clauses;
}

export interface Peer {
  clientId: number;
  name: string;
  color: string;
}

export function usePeers(sync: CharterSync | null): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    if (!sync) {
      return;
    }
    const read = () =>
      setPeers(
        [...sync.awareness.getStates().entries()].flatMap(([clientId, s]) => {
          const user = (s as { user?: { name?: string; color?: string } }).user;
          return user?.name ? [{ clientId, name: user.name, color: user.color ?? '#888' }] : [];
        }),
      );
    read();
    sync.awareness.on('change', read);
    return () => sync.awareness.off('change', read);
  }, [sync]);
  return peers;
}
