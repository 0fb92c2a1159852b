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
    "\n  query FailedJobs {\n    failedJobs(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          queue\n          name\n          failedReason\n          attempts\n          attemptsMade\n          finishedOn\n          data\n        }\n      }\n    }\n  }\n": typeof types.FailedJobsDocument,
    "\n  mutation RetryFailedJob($id: ID!, $queue: String!) {\n    retryFailedJob(id: $id, queue: $queue)\n  }\n": typeof types.RetryFailedJobDocument,
    "\n  query Holidays($year: Int!) {\n    holidays(year: $year) {\n      id\n      date\n      name\n      kind\n      unit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.HolidaysDocument,
    "\n  mutation AddHoliday($input: AddHolidayInput!) {\n    addHoliday(input: $input) {\n      id\n    }\n  }\n": typeof types.AddHolidayDocument,
    "\n  mutation RemoveHoliday($id: ID!) {\n    removeHoliday(id: $id)\n  }\n": typeof types.RemoveHolidayDocument,
    "\n  mutation ImportHolidays($json: String!) {\n    importHolidays(json: $json)\n  }\n": typeof types.ImportHolidaysDocument,
    "\n  mutation SetOutgoingNumberFormat($unitId: ID!, $format: String!) {\n    setOutgoingNumberFormat(unitId: $unitId, format: $format) {\n      unitId\n      format\n      updatedAt\n    }\n  }\n": typeof types.SetOutgoingNumberFormatDocument,
    "\n  query SlaPolicies {\n    slaPolicies {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n": typeof types.SlaPoliciesDocument,
    "\n  mutation SetSlaPolicy($input: SetSlaPolicyInput!) {\n    setSlaPolicy(input: $input) {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n": typeof types.SetSlaPolicyDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateUnitDocument,
    "\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePositionDocument,
    "\n  query AdminUsers($filter: PeopleFilter) {\n    people(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          nip\n          email\n          rank\n          roles\n          mfaEnabled\n          position {\n            id\n            title\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  query WorkingHours($unitId: ID) {\n    workingHours(unitId: $unitId) {\n      start\n      end\n      weekdays\n    }\n  }\n": typeof types.WorkingHoursDocument,
    "\n  mutation SetWorkingHours($input: SetWorkingHoursInput!) {\n    setWorkingHours(input: $input) {\n      start\n      end\n      weekdays\n    }\n  }\n": typeof types.SetWorkingHoursDocument,
    "\n  query AdminUnits {\n    units {\n      id\n      code\n      name\n      timezone\n      parent {\n        id\n      }\n      positions {\n        id\n        title\n        holder {\n          id\n          name\n        }\n        superior {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.AdminUnitsDocument,
    "\n  query ApprovalQueue {\n    approvalQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          dueAt\n          slaState\n          revision\n          actingFor {\n            id\n            name\n          }\n          letter {\n            id\n            subject\n            kind\n            urgency\n            securityLevel\n            classificationCode\n            createdBy {\n              id\n              name\n            }\n            draftFile {\n              id\n              filename\n              downloadUrl\n            }\n            approvalSteps {\n              id\n              order\n              kind\n              status\n              decidedAt\n              comment\n              approver {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ApprovalQueueDocument,
    "\n  mutation DecideApproval($input: DecideApprovalInput!) {\n    decideApproval(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.DecideApprovalDocument,
    "\n  query Delegations {\n    delegations {\n      id\n      kind\n      startsAt\n      endsAt\n      reason\n      active\n      revokedAt\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DelegationsDocument,
    "\n  mutation CreateDelegation($input: CreateDelegationInput!) {\n    createDelegation(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateDelegationDocument,
    "\n  mutation RevokeDelegation($id: ID!) {\n    revokeDelegation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeDelegationDocument,
    "\n  query SlaUnits {\n    units {\n      id\n      name\n      code\n    }\n  }\n": typeof types.SlaUnitsDocument,
    "\n  query SlaReport($unitId: ID!, $from: DateTime!, $to: DateTime!, $includeSubunits: Boolean) {\n    slaReport(unitId: $unitId, from: $from, to: $to, includeSubunits: $includeSubunits) {\n      total\n      onTimeRate\n      completedOnTime\n      completedLate\n      openOverdue\n      openDueSoon\n      openOnTrack\n      medianCompletionWorkingHours\n      p90CompletionWorkingHours\n      byAssignee {\n        assignee {\n          id\n          name\n        }\n        completedOnTime\n        completedLate\n        open\n        overdue\n        medianCompletionWorkingHours\n      }\n      bySubunit {\n        unit {\n          id\n          name\n        }\n        total\n        onTimeRate\n        completedOnTime\n        completedLate\n        open\n        overdue\n      }\n    }\n  }\n": typeof types.SlaReportDocument,
    "\n  query OverdueInbox {\n    inbox(first: 20, filter: { slaState: [OVERDUE] }) {\n      edges {\n        node {\n          id\n          dueAt\n          slaState\n          disposition {\n            id\n            letter {\n              id\n              subject\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.OverdueInboxDocument,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    mfaRequired\n    mfaChallengeToken\n    mfaEnrolmentRequired\n  }\n": typeof types.AuthFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.VerifyMfaDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n": typeof types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n    }\n  }\n": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      nip\n      email\n      roles\n      mfaEnabled\n      rank\n      unit {\n        id\n        name\n        timezone\n      }\n      position {\n        id\n        title\n      }\n    }\n    actingFor {\n      id\n      name\n      position {\n        id\n        title\n      }\n    }\n  }\n": typeof types.MeDocument,
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
    "\n  query FailedJobs {\n    failedJobs(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          queue\n          name\n          failedReason\n          attempts\n          attemptsMade\n          finishedOn\n          data\n        }\n      }\n    }\n  }\n": types.FailedJobsDocument,
    "\n  mutation RetryFailedJob($id: ID!, $queue: String!) {\n    retryFailedJob(id: $id, queue: $queue)\n  }\n": types.RetryFailedJobDocument,
    "\n  query Holidays($year: Int!) {\n    holidays(year: $year) {\n      id\n      date\n      name\n      kind\n      unit {\n        id\n        name\n      }\n    }\n  }\n": types.HolidaysDocument,
    "\n  mutation AddHoliday($input: AddHolidayInput!) {\n    addHoliday(input: $input) {\n      id\n    }\n  }\n": types.AddHolidayDocument,
    "\n  mutation RemoveHoliday($id: ID!) {\n    removeHoliday(id: $id)\n  }\n": types.RemoveHolidayDocument,
    "\n  mutation ImportHolidays($json: String!) {\n    importHolidays(json: $json)\n  }\n": types.ImportHolidaysDocument,
    "\n  mutation SetOutgoingNumberFormat($unitId: ID!, $format: String!) {\n    setOutgoingNumberFormat(unitId: $unitId, format: $format) {\n      unitId\n      format\n      updatedAt\n    }\n  }\n": types.SetOutgoingNumberFormatDocument,
    "\n  query SlaPolicies {\n    slaPolicies {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n": types.SlaPoliciesDocument,
    "\n  mutation SetSlaPolicy($input: SetSlaPolicyInput!) {\n    setSlaPolicy(input: $input) {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n": types.SetSlaPolicyDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n    }\n  }\n": types.CreateUnitDocument,
    "\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      id\n    }\n  }\n": types.CreatePositionDocument,
    "\n  query AdminUsers($filter: PeopleFilter) {\n    people(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          nip\n          email\n          rank\n          roles\n          mfaEnabled\n          position {\n            id\n            title\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateUserDocument,
    "\n  query WorkingHours($unitId: ID) {\n    workingHours(unitId: $unitId) {\n      start\n      end\n      weekdays\n    }\n  }\n": types.WorkingHoursDocument,
    "\n  mutation SetWorkingHours($input: SetWorkingHoursInput!) {\n    setWorkingHours(input: $input) {\n      start\n      end\n      weekdays\n    }\n  }\n": types.SetWorkingHoursDocument,
    "\n  query AdminUnits {\n    units {\n      id\n      code\n      name\n      timezone\n      parent {\n        id\n      }\n      positions {\n        id\n        title\n        holder {\n          id\n          name\n        }\n        superior {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.AdminUnitsDocument,
    "\n  query ApprovalQueue {\n    approvalQueue(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          status\n          dueAt\n          slaState\n          revision\n          actingFor {\n            id\n            name\n          }\n          letter {\n            id\n            subject\n            kind\n            urgency\n            securityLevel\n            classificationCode\n            createdBy {\n              id\n              name\n            }\n            draftFile {\n              id\n              filename\n              downloadUrl\n            }\n            approvalSteps {\n              id\n              order\n              kind\n              status\n              decidedAt\n              comment\n              approver {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ApprovalQueueDocument,
    "\n  mutation DecideApproval($input: DecideApprovalInput!) {\n    decideApproval(input: $input) {\n      id\n      status\n    }\n  }\n": types.DecideApprovalDocument,
    "\n  query Delegations {\n    delegations {\n      id\n      kind\n      startsAt\n      endsAt\n      reason\n      active\n      revokedAt\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n    }\n  }\n": types.DelegationsDocument,
    "\n  mutation CreateDelegation($input: CreateDelegationInput!) {\n    createDelegation(input: $input) {\n      id\n    }\n  }\n": types.CreateDelegationDocument,
    "\n  mutation RevokeDelegation($id: ID!) {\n    revokeDelegation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeDelegationDocument,
    "\n  query SlaUnits {\n    units {\n      id\n      name\n      code\n    }\n  }\n": types.SlaUnitsDocument,
    "\n  query SlaReport($unitId: ID!, $from: DateTime!, $to: DateTime!, $includeSubunits: Boolean) {\n    slaReport(unitId: $unitId, from: $from, to: $to, includeSubunits: $includeSubunits) {\n      total\n      onTimeRate\n      completedOnTime\n      completedLate\n      openOverdue\n      openDueSoon\n      openOnTrack\n      medianCompletionWorkingHours\n      p90CompletionWorkingHours\n      byAssignee {\n        assignee {\n          id\n          name\n        }\n        completedOnTime\n        completedLate\n        open\n        overdue\n        medianCompletionWorkingHours\n      }\n      bySubunit {\n        unit {\n          id\n          name\n        }\n        total\n        onTimeRate\n        completedOnTime\n        completedLate\n        open\n        overdue\n      }\n    }\n  }\n": types.SlaReportDocument,
    "\n  query OverdueInbox {\n    inbox(first: 20, filter: { slaState: [OVERDUE] }) {\n      edges {\n        node {\n          id\n          dueAt\n          slaState\n          disposition {\n            id\n            letter {\n              id\n              subject\n            }\n          }\n        }\n      }\n    }\n  }\n": types.OverdueInboxDocument,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    refreshToken\n    mfaRequired\n    mfaChallengeToken\n    mfaEnrolmentRequired\n  }\n": types.AuthFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation VerifyMfa($input: VerifyMfaInput!) {\n    verifyMfa(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.VerifyMfaDocument,
    "\n  mutation BeginTotpEnrollment {\n    beginTotpEnrollment {\n      otpauthUrl\n      secret\n    }\n  }\n": types.BeginTotpEnrollmentDocument,
    "\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n    }\n  }\n": types.ConfirmTotpEnrollmentDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      nip\n      email\n      roles\n      mfaEnabled\n      rank\n      unit {\n        id\n        name\n        timezone\n      }\n      position {\n        id\n        title\n      }\n    }\n    actingFor {\n      id\n      name\n      position {\n        id\n        title\n      }\n    }\n  }\n": types.MeDocument,
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
export function graphql(source: "\n  query FailedJobs {\n    failedJobs(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          queue\n          name\n          failedReason\n          attempts\n          attemptsMade\n          finishedOn\n          data\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FailedJobs {\n    failedJobs(first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          queue\n          name\n          failedReason\n          attempts\n          attemptsMade\n          finishedOn\n          data\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryFailedJob($id: ID!, $queue: String!) {\n    retryFailedJob(id: $id, queue: $queue)\n  }\n"): (typeof documents)["\n  mutation RetryFailedJob($id: ID!, $queue: String!) {\n    retryFailedJob(id: $id, queue: $queue)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Holidays($year: Int!) {\n    holidays(year: $year) {\n      id\n      date\n      name\n      kind\n      unit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Holidays($year: Int!) {\n    holidays(year: $year) {\n      id\n      date\n      name\n      kind\n      unit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddHoliday($input: AddHolidayInput!) {\n    addHoliday(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddHoliday($input: AddHolidayInput!) {\n    addHoliday(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveHoliday($id: ID!) {\n    removeHoliday(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveHoliday($id: ID!) {\n    removeHoliday(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportHolidays($json: String!) {\n    importHolidays(json: $json)\n  }\n"): (typeof documents)["\n  mutation ImportHolidays($json: String!) {\n    importHolidays(json: $json)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOutgoingNumberFormat($unitId: ID!, $format: String!) {\n    setOutgoingNumberFormat(unitId: $unitId, format: $format) {\n      unitId\n      format\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetOutgoingNumberFormat($unitId: ID!, $format: String!) {\n    setOutgoingNumberFormat(unitId: $unitId, format: $format) {\n      unitId\n      format\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaPolicies {\n    slaPolicies {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n"): (typeof documents)["\n  query SlaPolicies {\n    slaPolicies {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSlaPolicy($input: SetSlaPolicyInput!) {\n    setSlaPolicy(input: $input) {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n"): (typeof documents)["\n  mutation SetSlaPolicy($input: SetSlaPolicyInput!) {\n    setSlaPolicy(input: $input) {\n      urgency\n      workingHours\n      remindAtFraction\n      escalateEveryWorkingHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePosition($input: CreatePositionInput!) {\n    createPosition(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($filter: PeopleFilter) {\n    people(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          nip\n          email\n          rank\n          roles\n          mfaEnabled\n          position {\n            id\n            title\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($filter: PeopleFilter) {\n    people(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          nip\n          email\n          rank\n          roles\n          mfaEnabled\n          position {\n            id\n            title\n          }\n          unit {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkingHours($unitId: ID) {\n    workingHours(unitId: $unitId) {\n      start\n      end\n      weekdays\n    }\n  }\n"): (typeof documents)["\n  query WorkingHours($unitId: ID) {\n    workingHours(unitId: $unitId) {\n      start\n      end\n      weekdays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkingHours($input: SetWorkingHoursInput!) {\n    setWorkingHours(input: $input) {\n      start\n      end\n      weekdays\n    }\n  }\n"): (typeof documents)["\n  mutation SetWorkingHours($input: SetWorkingHoursInput!) {\n    setWorkingHours(input: $input) {\n      start\n      end\n      weekdays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUnits {\n    units {\n      id\n      code\n      name\n      timezone\n      parent {\n        id\n      }\n      positions {\n        id\n        title\n        holder {\n          id\n          name\n        }\n        superior {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUnits {\n    units {\n      id\n      code\n      name\n      timezone\n      parent {\n        id\n      }\n      positions {\n        id\n        title\n        holder {\n          id\n          name\n        }\n        superior {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query Delegations {\n    delegations {\n      id\n      kind\n      startsAt\n      endsAt\n      reason\n      active\n      revokedAt\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Delegations {\n    delegations {\n      id\n      kind\n      startsAt\n      endsAt\n      reason\n      active\n      revokedAt\n      from {\n        id\n        name\n      }\n      to {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDelegation($input: CreateDelegationInput!) {\n    createDelegation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDelegation($input: CreateDelegationInput!) {\n    createDelegation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeDelegation($id: ID!) {\n    revokeDelegation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeDelegation($id: ID!) {\n    revokeDelegation(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaUnits {\n    units {\n      id\n      name\n      code\n    }\n  }\n"): (typeof documents)["\n  query SlaUnits {\n    units {\n      id\n      name\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaReport($unitId: ID!, $from: DateTime!, $to: DateTime!, $includeSubunits: Boolean) {\n    slaReport(unitId: $unitId, from: $from, to: $to, includeSubunits: $includeSubunits) {\n      total\n      onTimeRate\n      completedOnTime\n      completedLate\n      openOverdue\n      openDueSoon\n      openOnTrack\n      medianCompletionWorkingHours\n      p90CompletionWorkingHours\n      byAssignee {\n        assignee {\n          id\n          name\n        }\n        completedOnTime\n        completedLate\n        open\n        overdue\n        medianCompletionWorkingHours\n      }\n      bySubunit {\n        unit {\n          id\n          name\n        }\n        total\n        onTimeRate\n        completedOnTime\n        completedLate\n        open\n        overdue\n      }\n    }\n  }\n"): (typeof documents)["\n  query SlaReport($unitId: ID!, $from: DateTime!, $to: DateTime!, $includeSubunits: Boolean) {\n    slaReport(unitId: $unitId, from: $from, to: $to, includeSubunits: $includeSubunits) {\n      total\n      onTimeRate\n      completedOnTime\n      completedLate\n      openOverdue\n      openDueSoon\n      openOnTrack\n      medianCompletionWorkingHours\n      p90CompletionWorkingHours\n      byAssignee {\n        assignee {\n          id\n          name\n        }\n        completedOnTime\n        completedLate\n        open\n        overdue\n        medianCompletionWorkingHours\n      }\n      bySubunit {\n        unit {\n          id\n          name\n        }\n        total\n        onTimeRate\n        completedOnTime\n        completedLate\n        open\n        overdue\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueInbox {\n    inbox(first: 20, filter: { slaState: [OVERDUE] }) {\n      edges {\n        node {\n          id\n          dueAt\n          slaState\n          disposition {\n            id\n            letter {\n              id\n              subject\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverdueInbox {\n    inbox(first: 20, filter: { slaState: [OVERDUE] }) {\n      edges {\n        node {\n          id\n          dueAt\n          slaState\n          disposition {\n            id\n            letter {\n              id\n              subject\n            }\n          }\n        }\n      }\n    }\n  }\n"];
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