import type {
  CardRef,
  HandoffCard,
  HandoffDesk,
  OutgoingText,
  ResidentPlace,
} from '../../src/handoff/types.js';
import { RecipientUnreachableError } from '../../src/reminders/messenger.js';

/** A desk that keeps what it was asked to post, for service-level tests. */
export function fakeDesk(coordinatorPlace = 'C0COORD') {
  const cards: Array<{ ref: CardRef; card: HandoffCard }> = [];
  const told: Array<{ place: ResidentPlace; post: OutgoingText }> = [];
  const unreachable = new Set<string>();
  let n = 0;
  const desk: HandoffDesk = {
    platform: 'slack',
    coordinatorPlace,
    async postCard(card) {
      const ref: CardRef = { platform: 'slack', channel: coordinatorPlace, id: `card-${++n}` };
      cards.push({ ref, card });
      return ref;
    },
    async updateCard(ref, card) {
      cards.push({ ref, card });
    },
    async tellResident(place, post) {
      if (unreachable.has(place.channel ?? ''))
        throw new RecipientUnreachableError('gone', 'channel_not_found');
      told.push({ place, post });
    },
  };
  return { desk, cards, told, unreachable };
}
