/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApprovalQueue {\n    approvalQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          dueAt\n          slaState\n          revision\n          actingFor {\n            id\n            name\n          }\n          letter {\n            id\n            subject\n            kind\n            urgency\n            securityLevel\n            classificationCode\n            createdBy {\n              id\n              name\n            }\n            draftFile {\n              id\n              filename\n              downloadUrl\n            }\n            approvalSteps {\n              id\n              order\n              kind\n              status\n              decidedAt\n              comment\n              approver {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ApprovalQueueDocument,
    "\n  mutation DecideApproval($input: DecideApprovalInput!) {\n    decideApproval(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.DecideApprovalDocument,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    mfaRequired\n    mfaChallengeToken\n    mfaEnrolmentRequired\n  }\n": typeof types.AuthFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.VerifyMfaDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n": typeof types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n    }\n  }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      nip\n      email\n      roles\n      mfaEnabled\n      rank\n      unit {\n        id\n        name\n        timezone\n      }\n      position {\n        id\n        title\n      }\n    }\n    actingFor {\n      id\n      name\n      position {\n        id\n        title\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  query Inbox($filter: InboxFilter, $first: Int, $after: String) {\n    inbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status\n          slaState\n          dueAt\n          disposition {\n            id\n            createdAt\n            instructions\n            sender {\n              id\n              name\n            }\n            letter {\n              id\n              subject\n              number\n              agendaNumber\n              urgency\n              senderName\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query ClassificationCodes($parentCode: String) {\n    classificationCodes(parentCode: $parentCode) {\n      code\n      name\n    }\n  }\n": typeof types.ClassificationCodesDocument,
    "\n  query SameNumber($filter: LetterFilter) {\n    letters(filter: $filter, first: 10) {\n      edges {\n        node {\n          id\n          number\n          senderName\n          agendaNumber\n        }\n      }\n    }\n  }\n": typeof types.SameNumberDocument,
    "\n  mutation RegisterIncomingLetter($input: RegisterIncomingLetterInput!) {\n    registerIncomingLetter(input: $input) {\n      id\n      agendaNumber\n      subject\n    }\n  }\n": typeof types.RegisterIncomingLetterDocument,
    "\n  query Registry($filter: LetterFilter, $first: Int, $after: String) {\n    letters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          agendaNumber\n          number\n          subject\n          senderName\n          direction\n          status\n          receivedAt\n          letterDate\n        }\n      }\n    }\n  }\n": typeof types.RegistryDocument,
    "\n  query Letter($id: ID!) {\n    letter(id: $id) {\n      id\n      subject\n      number\n      agendaNumber\n      letterDate\n      receivedAt\n      senderName\n      kind\n      classificationCode\n      securityLevel\n      urgency\n      status\n      direction\n      signedAt\n      verificationCode\n      createdBy {\n        id\n        name\n      }\n      addressees {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      internalRecipients {\n        id\n        name\n      }\n      currentHolders {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      files {\n        id\n        filename\n        contentType\n        downloadUrl\n      }\n      signedFile {\n        id\n        filename\n        downloadUrl\n      }\n      draftFile {\n        id\n        filename\n        downloadUrl\n      }\n      timeline {\n        at\n        action\n        description\n        note\n      }\n      dispositions {\n        id\n        createdAt\n        dueAt\n        instructions\n        note\n        withdrawnAt\n        sender {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n        parentAssignment {\n          id\n        }\n        assignments {\n          id\n          status\n          slaState\n          dueAt\n          readAt\n          completedAt\n          completionNote\n          assignee {\n            id\n            name\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n      approvalSteps {\n        id\n        order\n        kind\n        status\n        decidedAt\n        comment\n        approver {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.LetterDocument,
    "\n  mutation MarkAssignmentRead($id: ID!) {\n    markAssignmentRead(id: $id) {\n      id\n      status\n      readAt\n    }\n  }\n": typeof types.MarkAssignmentReadDocument,
    "\n  mutation StartAssignment($id: ID!) {\n    startAssignment(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.StartAssignmentDocument,
    "\n  mutation CompleteAssignment($input: CompleteAssignmentInput!) {\n    completeAssignment(input: $input) {\n      id\n      status\n      completedAt\n    }\n  }\n": typeof types.CompleteAssignmentDocument,
    "\n  mutation Dispose($input: DisposeInput!) {\n    dispose(input: $input) {\n      id\n    }\n  }\n": typeof types.DisposeDocument,
    "\n  mutation WithdrawDisposition($id: ID!) {\n    withdrawDisposition(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n": typeof types.WithdrawDispositionDocument,
    "\n  query DispositionCandidates($assignmentId: ID!, $search: String) {\n    dispositionCandidates(assignmentId: $assignmentId, search: $search) {\n      id\n      name\n      away\n      actingBy {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n    }\n  }\n": typeof types.DispositionCandidatesDocument,
    "\n  query Notifications {\n    notifications(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          entityType\n          entityId\n        }\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      entityType\n      entityId\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query People($filter: PeopleFilter, $first: Int) {\n    people(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          nip\n          away\n          actingBy {\n            id\n            name\n          }\n          position {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.PeopleDocument,
};
const documents: Documents = {
    "\n  query ApprovalQueue {\n    approvalQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          dueAt\n          slaState\n          revision\n          actingFor {\n            id\n            name\n          }\n          letter {\n            id\n            subject\n            kind\n            urgency\n            securityLevel\n            classificationCode\n            createdBy {\n              id\n              name\n            }\n            draftFile {\n              id\n              filename\n              downloadUrl\n            }\n            approvalSteps {\n              id\n              order\n              kind\n              status\n              decidedAt\n              comment\n              approver {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ApprovalQueueDocument,
    "\n  mutation DecideApproval($input: DecideApprovalInput!) {\n    decideApproval(input: $input) {\n      id\n      status\n    }\n  }\n": types.DecideApprovalDocument,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    mfaRequired\n    mfaChallengeToken\n    mfaEnrolmentRequired\n  }\n": types.AuthFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.VerifyMfaDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n": types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n    }\n  }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      nip\n      email\n      roles\n      mfaEnabled\n      rank\n      unit {\n        id\n        name\n        timezone\n      }\n      position {\n        id\n        title\n      }\n    }\n    actingFor {\n      id\n      name\n      position {\n        id\n        title\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  query Inbox($filter: InboxFilter, $first: Int, $after: String) {\n    inbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status\n          slaState\n          dueAt\n          disposition {\n            id\n            createdAt\n            instructions\n            sender {\n              id\n              name\n            }\n            letter {\n              id\n              subject\n              number\n              agendaNumber\n              urgency\n              senderName\n            }\n          }\n        }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query ClassificationCodes($parentCode: String) {\n    classificationCodes(parentCode: $parentCode) {\n      code\n      name\n    }\n  }\n": types.ClassificationCodesDocument,
    "\n  query SameNumber($filter: LetterFilter) {\n    letters(filter: $filter, first: 10) {\n      edges {\n        node {\n          id\n          number\n          senderName\n          agendaNumber\n        }\n      }\n    }\n  }\n": types.SameNumberDocument,
    "\n  mutation RegisterIncomingLetter($input: RegisterIncomingLetterInput!) {\n    registerIncomingLetter(input: $input) {\n      id\n      agendaNumber\n      subject\n    }\n  }\n": types.RegisterIncomingLetterDocument,
    "\n  query Registry($filter: LetterFilter, $first: Int, $after: String) {\n    letters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          agendaNumber\n          number\n          subject\n          senderName\n          direction\n          status\n          receivedAt\n          letterDate\n        }\n      }\n    }\n  }\n": types.RegistryDocument,
    "\n  query Letter($id: ID!) {\n    letter(id: $id) {\n      id\n      subject\n      number\n      agendaNumber\n      letterDate\n      receivedAt\n      senderName\n      kind\n      classificationCode\n      securityLevel\n      urgency\n      status\n      direction\n      signedAt\n      verificationCode\n      createdBy {\n        id\n        name\n      }\n      addressees {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      internalRecipients {\n        id\n        name\n      }\n      currentHolders {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      files {\n        id\n        filename\n        contentType\n        downloadUrl\n      }\n      signedFile {\n        id\n        filename\n        downloadUrl\n      }\n      draftFile {\n        id\n        filename\n        downloadUrl\n      }\n      timeline {\n        at\n        action\n        description\n        note\n      }\n      dispositions {\n        id\n        createdAt\n        dueAt\n        instructions\n        note\n        withdrawnAt\n        sender {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n        parentAssignment {\n          id\n        }\n        assignments {\n          id\n          status\n          slaState\n          dueAt\n          readAt\n          completedAt\n          completionNote\n          assignee {\n            id\n            name\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n      approvalSteps {\n        id\n        order\n        kind\n        status\n        decidedAt\n        comment\n        approver {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.LetterDocument,
    "\n  mutation MarkAssignmentRead($id: ID!) {\n    markAssignmentRead(id: $id) {\n      id\n      status\n      readAt\n    }\n  }\n": types.MarkAssignmentReadDocument,
    "\n  mutation StartAssignment($id: ID!) {\n    startAssignment(id: $id) {\n      id\n      status\n    }\n  }\n": types.StartAssignmentDocument,
    "\n  mutation CompleteAssignment($input: CompleteAssignmentInput!) {\n    completeAssignment(input: $input) {\n      id\n      status\n      completedAt\n    }\n  }\n": types.CompleteAssignmentDocument,
    "\n  mutation Dispose($input: DisposeInput!) {\n    dispose(input: $input) {\n      id\n    }\n  }\n": types.DisposeDocument,
    "\n  mutation WithdrawDisposition($id: ID!) {\n    withdrawDisposition(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n": types.WithdrawDispositionDocument,
    "\n  query DispositionCandidates($assignmentId: ID!, $search: String) {\n    dispositionCandidates(assignmentId: $assignmentId, search: $search) {\n      id\n      name\n      away\n      actingBy {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n    }\n  }\n": types.DispositionCandidatesDocument,
    "\n  query Notifications {\n    notifications(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          entityType\n          entityId\n        }\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n": types.NotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      entityType\n      entityId\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query People($filter: PeopleFilter, $first: Int) {\n    people(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          nip\n          away\n          actingBy {\n            id\n            name\n          }\n          position {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.PeopleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalQueue {\n    approvalQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          dueAt\n          slaState\n          revision\n          actingFor {\n            id\n            name\n          }\n          letter {\n            id\n            subject\n            kind\n            urgency\n            securityLevel\n            classificationCode\n            createdBy {\n              id\n              name\n            }\n            draftFile {\n              id\n              filename\n              downloadUrl\n            }\n            approvalSteps {\n              id\n              order\n              kind\n              status\n              decidedAt\n              comment\n              approver {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApprovalQueue {\n    approvalQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          dueAt\n          slaState\n          revision\n          actingFor {\n            id\n            name\n          }\n          letter {\n            id\n            subject\n            kind\n            urgency\n            securityLevel\n            classificationCode\n            createdBy {\n              id\n              name\n            }\n            draftFile {\n              id\n              filename\n              downloadUrl\n            }\n            approvalSteps {\n              id\n              order\n              kind\n              status\n              decidedAt\n              comment\n              approver {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideApproval($input: DecideApprovalInput!) {\n    decideApproval(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DecideApproval($input: DecideApprovalInput!) {\n    decideApproval(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    mfaRequired\n    mfaChallengeToken\n    mfaEnrolmentRequired\n  }\n"): (typeof documents)["\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    mfaRequired\n    mfaChallengeToken\n    mfaEnrolmentRequired\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      ...AuthFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      ...AuthFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      nip\n      email\n      roles\n      mfaEnabled\n      rank\n      unit {\n        id\n        name\n        timezone\n      }\n      position {\n        id\n        title\n      }\n    }\n    actingFor {\n      id\n      name\n      position {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      nip\n      email\n      roles\n      mfaEnabled\n      rank\n      unit {\n        id\n        name\n        timezone\n      }\n      position {\n        id\n        title\n      }\n    }\n    actingFor {\n      id\n      name\n      position {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($filter: InboxFilter, $first: Int, $after: String) {\n    inbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status\n          slaState\n          dueAt\n          disposition {\n            id\n            createdAt\n            instructions\n            sender {\n              id\n              name\n            }\n            letter {\n              id\n              subject\n              number\n              agendaNumber\n              urgency\n              senderName\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($filter: InboxFilter, $first: Int, $after: String) {\n    inbox(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          status\n          slaState\n          dueAt\n          disposition {\n            id\n            createdAt\n            instructions\n            sender {\n              id\n              name\n            }\n            letter {\n              id\n              subject\n              number\n              agendaNumber\n              urgency\n              senderName\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassificationCodes($parentCode: String) {\n    classificationCodes(parentCode: $parentCode) {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query ClassificationCodes($parentCode: String) {\n    classificationCodes(parentCode: $parentCode) {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SameNumber($filter: LetterFilter) {\n    letters(filter: $filter, first: 10) {\n      edges {\n        node {\n          id\n          number\n          senderName\n          agendaNumber\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SameNumber($filter: LetterFilter) {\n    letters(filter: $filter, first: 10) {\n      edges {\n        node {\n          id\n          number\n          senderName\n          agendaNumber\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterIncomingLetter($input: RegisterIncomingLetterInput!) {\n    registerIncomingLetter(input: $input) {\n      id\n      agendaNumber\n      subject\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterIncomingLetter($input: RegisterIncomingLetterInput!) {\n    registerIncomingLetter(input: $input) {\n      id\n      agendaNumber\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Registry($filter: LetterFilter, $first: Int, $after: String) {\n    letters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          agendaNumber\n          number\n          subject\n          senderName\n          direction\n          status\n          receivedAt\n          letterDate\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Registry($filter: LetterFilter, $first: Int, $after: String) {\n    letters(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      edges {\n        node {\n          id\n          agendaNumber\n          number\n          subject\n          senderName\n          direction\n          status\n          receivedAt\n          letterDate\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Letter($id: ID!) {\n    letter(id: $id) {\n      id\n      subject\n      number\n      agendaNumber\n      letterDate\n      receivedAt\n      senderName\n      kind\n      classificationCode\n      securityLevel\n      urgency\n      status\n      direction\n      signedAt\n      verificationCode\n      createdBy {\n        id\n        name\n      }\n      addressees {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      internalRecipients {\n        id\n        name\n      }\n      currentHolders {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      files {\n        id\n        filename\n        contentType\n        downloadUrl\n      }\n      signedFile {\n        id\n        filename\n        downloadUrl\n      }\n      draftFile {\n        id\n        filename\n        downloadUrl\n      }\n      timeline {\n        at\n        action\n        description\n        note\n      }\n      dispositions {\n        id\n        createdAt\n        dueAt\n        instructions\n        note\n        withdrawnAt\n        sender {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n        parentAssignment {\n          id\n        }\n        assignments {\n          id\n          status\n          slaState\n          dueAt\n          readAt\n          completedAt\n          completionNote\n          assignee {\n            id\n            name\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n      approvalSteps {\n        id\n        order\n        kind\n        status\n        decidedAt\n        comment\n        approver {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Letter($id: ID!) {\n    letter(id: $id) {\n      id\n      subject\n      number\n      agendaNumber\n      letterDate\n      receivedAt\n      senderName\n      kind\n      classificationCode\n      securityLevel\n      urgency\n      status\n      direction\n      signedAt\n      verificationCode\n      createdBy {\n        id\n        name\n      }\n      addressees {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      internalRecipients {\n        id\n        name\n      }\n      currentHolders {\n        id\n        name\n        position {\n          id\n          title\n        }\n      }\n      files {\n        id\n        filename\n        contentType\n        downloadUrl\n      }\n      signedFile {\n        id\n        filename\n        downloadUrl\n      }\n      draftFile {\n        id\n        filename\n        downloadUrl\n      }\n      timeline {\n        at\n        action\n        description\n        note\n      }\n      dispositions {\n        id\n        createdAt\n        dueAt\n        instructions\n        note\n        withdrawnAt\n        sender {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n        parentAssignment {\n          id\n        }\n        assignments {\n          id\n          status\n          slaState\n          dueAt\n          readAt\n          completedAt\n          completionNote\n          assignee {\n            id\n            name\n            position {\n              id\n              title\n            }\n          }\n        }\n      }\n      approvalSteps {\n        id\n        order\n        kind\n        status\n        decidedAt\n        comment\n        approver {\n          id\n          name\n        }\n        actingFor {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAssignmentRead($id: ID!) {\n    markAssignmentRead(id: $id) {\n      id\n      status\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAssignmentRead($id: ID!) {\n    markAssignmentRead(id: $id) {\n      id\n      status\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAssignment($id: ID!) {\n    startAssignment(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StartAssignment($id: ID!) {\n    startAssignment(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteAssignment($input: CompleteAssignmentInput!) {\n    completeAssignment(input: $input) {\n      id\n      status\n      completedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteAssignment($input: CompleteAssignmentInput!) {\n    completeAssignment(input: $input) {\n      id\n      status\n      completedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Dispose($input: DisposeInput!) {\n    dispose(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation Dispose($input: DisposeInput!) {\n    dispose(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawDisposition($id: ID!) {\n    withdrawDisposition(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawDisposition($id: ID!) {\n    withdrawDisposition(id: $id) {\n      id\n      withdrawnAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DispositionCandidates($assignmentId: ID!, $search: String) {\n    dispositionCandidates(assignmentId: $assignmentId, search: $search) {\n      id\n      name\n      away\n      actingBy {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query DispositionCandidates($assignmentId: ID!, $search: String) {\n    dispositionCandidates(assignmentId: $assignmentId, search: $search) {\n      id\n      name\n      away\n      actingBy {\n        id\n        name\n      }\n      position {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications {\n    notifications(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          entityType\n          entityId\n        }\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Notifications {\n    notifications(first: 20) {\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          createdAt\n          readAt\n          entityType\n          entityId\n        }\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      entityType\n      entityId\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      entityType\n      entityId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($filter: PeopleFilter, $first: Int) {\n    people(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          nip\n          away\n          actingBy {\n            id\n            name\n          }\n          position {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query People($filter: PeopleFilter, $first: Int) {\n    people(filter: $filter, first: $first) {\n      edges {\n        node {\n          id\n          name\n          nip\n          away\n          actingBy {\n            id\n            name\n          }\n          position {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;