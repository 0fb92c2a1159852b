import { graphql } from '../gql';

export const LetterDocument = graphql(`
  query Letter($id: ID!) {
    letter(id: $id) {
      id
      subject
      number
      agendaNumber
      letterDate
      receivedAt
      senderName
      kind
      classificationCode
      securityLevel
      urgency
      status
      direction
      signedAt
      verificationCode
      createdBy {
        id
        name
      }
      addressees {
        id
        name
        position {
          id
          title
        }
      }
      internalRecipients {
        id
        name
      }
      currentHolders {
        id
        name
        position {
          id
          title
        }
      }
      files {
        id
        filename
        contentType
        downloadUrl
      }
      signedFile {
        id
        filename
        downloadUrl
      }
      draftFile {
        id
        filename
        downloadUrl
      }
      timeline {
        at
        action
        description
        note
      }
      dispositions {
        id
        createdAt
        dueAt
        instructions
        note
        withdrawnAt
        sender {
          id
          name
        }
        actingFor {
          id
          name
        }
        parentAssignment {
          id
        }
        assignments {
          id
          status
          slaState
          dueAt
          readAt
          completedAt
          completionNote
          assignee {
            id
            name
            position {
              id
              title
            }
          }
        }
      }
      approvalSteps {
        id
        order
        kind
        status
        decidedAt
        comment
        approver {
          id
          name
        }
        actingFor {
          id
          name
        }
      }
    }
  }
`);

export const MarkRead = graphql(`
  mutation MarkAssignmentRead($id: ID!) {
    markAssignmentRead(id: $id) {
      id
      status
      readAt
    }
  }
`);

export const StartAssignment = graphql(`
  mutation StartAssignment($id: ID!) {
    startAssignment(id: $id) {
      id
      status
    }
  }
`);

export const CompleteAssignment = graphql(`
  mutation CompleteAssignment($input: CompleteAssignmentInput!) {
    completeAssignment(input: $input) {
      id
      status
      completedAt
    }
  }
`);

export const Dispose = graphql(`
  mutation Dispose($input: DisposeInput!) {
    dispose(input: $input) {
      id
    }
  }
`);

export const WithdrawDisposition = graphql(`
  mutation WithdrawDisposition($id: ID!) {
    withdrawDisposition(id: $id) {
      id
      withdrawnAt
    }
  }
`);

export const DispositionCandidates = graphql(`
  query DispositionCandidates($assignmentId: ID!, $search: String) {
    dispositionCandidates(assignmentId: $assignmentId, search: $search) {
      id
      name
      away
      actingBy {
        id
        name
      }
      position {
        id
        title
      }
    }
  }
`);
