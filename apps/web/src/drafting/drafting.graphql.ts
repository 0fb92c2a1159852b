import { graphql } from '../gql';

export const DraftTemplates = graphql(`
  query DraftTemplates {
    letterTemplates {
      id
      name
      place
      paperSize
      unit {
        id
        name
      }
    }
  }
`);

export const DraftLetter = graphql(`
  query DraftLetter($id: ID!) {
    letter(id: $id) {
      id
      subject
      kind
      status
      revision
      number
      classificationCode
      securityLevel
      urgency
      externalRecipients
      internalRecipients {
        id
        name
      }
      createdBy {
        id
        name
      }
      template {
        id
        name
      }
      content {
        addressee
        addresseePlace
        attachmentsNote
        body
        carbonCopies
      }
      draftFile {
        id
        filename
        downloadUrl
      }
      approvalSteps {
        id
        order
        kind
        status
        revision
        comment
        decidedAt
        dueAt
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

export const DraftPreview = graphql(`
  query DraftPreview($id: ID!) {
    letter(id: $id) {
      id
      previewFile {
        id
        filename
        downloadUrl
      }
    }
  }
`);

export const CreateDraft = graphql(`
  mutation CreateOutgoingDraft($input: CreateOutgoingDraftInput!) {
    createOutgoingDraft(input: $input) {
      id
    }
  }
`);

export const ReviseDraft = graphql(`
  mutation ReviseDraft($input: ReviseDraftInput!) {
    reviseDraft(input: $input) {
      id
      status
      revision
    }
  }
`);

export const SubmitDraft = graphql(`
  mutation SubmitForApproval($input: SubmitForApprovalInput!) {
    submitForApproval(input: $input) {
      id
      status
    }
  }
`);

export const MyDrafts = graphql(`
  query MyDrafts($first: Int, $after: String) {
    letters(filter: { direction: OUTGOING, status: [DRAFT, IN_REVIEW, RETURNED, REJECTED, SIGNED, SENT] }, first: $first, after: $after) {
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          subject
          status
          number
          revision
          createdBy {
            id
          }
        }
      }
    }
  }
`);
