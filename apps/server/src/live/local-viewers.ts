/**
 * @module The sockets of this instance watching one workshop, indexed by audience.
 *
 * Fan-out of a batch must cost what it delivers, not the size of the room: a hidden vote goes to the
 * facilitators and to its author only, so staff (facilitators, projectors) are kept apart and
 * participants are found by id; the whole participant audience is walked only for a batch it sees.
 */
import type { Viewer } from '@essaim/core/live';
import type { HubClient } from '../realtime/hub.ts';

/** Read-only viewers (projectors, members without `workshop.run`) see what any participant sees, as this id. */
export const REDACTED_ID = '~';

export interface LocalViewer {
  readonly client: HubClient;
  viewer: Viewer;
  /** The last sequence number this viewer was sent (resume answer or events); null before its resume is answered. */
  sentThrough: number | null;
}

const participantOf = (v: Viewer): string | null =>
  v.role === 'participant' && v.participantId !== REDACTED_ID ? v.participantId : null;

export class LocalViewers {
  private readonly byClient = new Map<string, LocalViewer>();
  /** Facilitators and read-only viewers: few, and they hear (almost) every batch. */
  readonly staff = new Set<LocalViewer>();
  private readonly byParticipant = new Map<string, Set<LocalViewer>>();
  private participantCount = 0;

  get size(): number {
    return this.byClient.size;
  }

  get participants(): number {
    return this.participantCount;
  }

  get(clientId: string): LocalViewer | undefined {
    return this.byClient.get(clientId);
  }

  /** Add a socket, or change what an already known one is (a console reopened as a projector). */
  set(client: HubClient, viewer: Viewer): { entry: LocalViewer; isNew: boolean } {
    const known = this.byClient.get(client.id);
    if (known) {
      this.unindex(known);
      known.viewer = viewer;
      known.sentThrough = null;
      this.index(known);
      return { entry: known, isNew: false };
    }
    const entry: LocalViewer = { client, viewer, sentThrough: null };
    this.byClient.set(client.id, entry);
    this.index(entry);
    return { entry, isNew: true };
  }

  delete(clientId: string): void {
    const entry = this.byClient.get(clientId);
    if (entry) {
      this.byClient.delete(clientId);
      this.unindex(entry);
    }
  }

  /** The sockets of one participant (a phone and a laptop, say). */
  ofParticipant(participantId: string): Iterable<LocalViewer> {
    return this.byParticipant.get(participantId) ?? [];
  }

  *allParticipants(): Iterable<LocalViewer> {
    for (const set of this.byParticipant.values()) {
      yield* set;
    }
  }

  private index(entry: LocalViewer): void {
    const id = participantOf(entry.viewer);
    if (id === null) {
      this.staff.add(entry);
      return;
    }
    let set = this.byParticipant.get(id);
    if (!set) {
      set = new Set();
      this.byParticipant.set(id, set);
    }
    set.add(entry);
    this.participantCount += 1;
  }

  private unindex(entry: LocalViewer): void {
    const id = participantOf(entry.viewer);
    if (id === null) {
      this.staff.delete(entry);
      return;
    }
    const set = this.byParticipant.get(id);
    if (set?.delete(entry)) {
      this.participantCount -= 1;
      if (set.size === 0) {
        this.byParticipant.delete(id);
      }
    }
  }
}
