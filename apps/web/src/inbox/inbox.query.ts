import { graphql } from '../gql';
import type { AssignmentStatus, InboxFilter, SlaState, Urgency } from '../gql/graphql';

export const Inbox = graphql(`
  query Inbox($filter: InboxFilter, $first: Int, $after: String) {
    inbox(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          status
          slaState
          dueAt
          disposition {
            id
            createdAt
            instructions
            sender {
              id
              name
            }
            letter {
              id
              subject
              number
              agendaNumber
              urgency
              senderName
            }
          }
        }
      }
    }
  }
`);

export const PAGE = 25;
export const OPEN_STATUSES: AssignmentStatus[] = ['UNREAD', 'READ', 'IN_PROGRESS'];

interface Choices {
  search?: string;
  status?: string[];
  sla?: string[];
  urgency?: string[];
  actingForUserId?: string | null;
}

/** The inbox's filter from what the person chose; the page and the sign-in prefetch build it alike, so they share a cache entry. */
export function inboxFilter({ search, status = OPEN_STATUSES, sla = [], urgency = [], actingForUserId }: Choices): InboxFilter {
  return {
    search: search || undefined,
    status: status.length ? (status as AssignmentStatus[]) : undefined,
    slaState: sla.length ? (sla as SlaState[]) : undefined,
    urgency: urgency.length ? (urgency as Urgency[]) : undefined,
    actingForUserId: actingForUserId ?? undefined,
  };
}

/** The first page a person sees after signing in, asked for together with who they are. */
export const firstInboxPage = () => ({ filter: inboxFilter({}), first: PAGE, after: null });
