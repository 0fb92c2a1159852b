import { Logger } from '@nestjs/common';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { ExecutionResult } from 'graphql';
import { AppConfig } from '../config/app-config';
import { bearerToken, Principal } from '../auth/principal';
import { classifyError, internalErrorMessage } from '../errors/errors';
import { requestLanguage } from './language';
import { checkComplexity } from './complexity';
import { maxRootFieldsRule } from './root-fields';
import { DateTimeScalar } from './scalars';
import type { ClosableSocket, LiveConnections } from './live-connections';
import { GraphqlContext, GraphqlRequest, Loaders } from './request-context';

const logger = new Logger('GraphQL');

export interface GraphqlOptionsInput {
  config: AppConfig;
  /** Authenticates a subscription's connection_init payload. */
  authenticate: (token: string | null) => Promise<Principal | null>;
  /** mqemitter shared by API processes (Redis), so a notification published anywhere reaches every subscriber. */
  emitter?: unknown;
  /** Closes subscription connections whose session is revoked or whose token expires. */
  live?: LiveConnections;
}

/** What a subscription's context holds besides the request's: the socket, and who authenticated on it with which token. */
interface SubscriptionConnectionContext {
  socket?: ClosableSocket;
  principal?: Principal;
  accessToken?: string;
}

// graphql-js appends suggestions to validation messages ("Cannot query field "x" on type "Y". Did you mean "z"?").
const SUGGESTION = /\s*Did you mean [^?]*\?$/;

function formatErrors(execution: ExecutionResult, context: { reply?: FastifyReply }, config: AppConfig) {
  const { production } = config;
  const requestId = context.reply?.request?.id;
  const language = requestLanguage(context.reply?.request?.headers ?? {});
  // Mercurius wraps parse, validation and depth errors in one error carrying the list in `errors`.
  const flat = (execution.errors ?? []).flatMap((error) => {
    const wrapped = (error as GraphQLError).originalError as { errors?: unknown } | undefined;
    return Array.isArray(wrapped?.errors) ? (wrapped.errors as GraphQLError[]) : [error];
  });
  let refusedWith: number | undefined;
  const errors = flat.map((error) => {
    const thrown: unknown = error;
    // Fastify's refusals of the HTTP request (bad JSON, too large) keep their 4xx status for classifyError.
    const status = (thrown as { statusCode?: unknown }).statusCode;
    const refusal = thrown instanceof Error && typeof status === 'number' && status >= 400 && status < 500 ? thrown : undefined;
    const graphqlError =
      thrown instanceof GraphQLError ? thrown : new GraphQLError(String((thrown as Error).message ?? thrown), { originalError: refusal });
    const classified = classifyError(graphqlError, language);
    if (classified.internal) logger.error({ err: graphqlError.originalError, requestId, path: graphqlError.path }, classified.message);
    else if (classified.code === 'SERVICE_UNAVAILABLE')
      logger.warn({ err: graphqlError.originalError, requestId, path: graphqlError.path }, 'busy');
    const shown = classified.internal && production ? internalErrorMessage(requestId)[language] : classified.message;
    // Suggestions name fields and types a client did not ask about: a map of the schema without introspection.
    const message = config.graphqlFieldSuggestions ? shown : shown.replace(SUGGESTION, '');
    if (classified.status) refusedWith = classified.status;
    return {
      message,
      locations: graphqlError.locations,
      path: graphqlError.path,
      extensions: { code: classified.code, ...(classified.details ?? {}) },
    };
  });
  // A request that never reached execution (bad syntax, invalid document or variables) is the client's mistake: 400.
  const statusCode =
    !execution.data && errors.every((e) => !e.path && e.extensions.code !== 'INTERNAL_SERVER_ERROR') ? (refusedWith ?? 400) : 200;
  return { statusCode, response: { data: execution.data ?? null, errors } };
}

export function buildGraphqlOptions(input: GraphqlOptionsInput): MercuriusDriverConfig {
  const { config } = input;
  return {
    driver: MercuriusDriver,
    path: '/graphql',
    // The SDL is kept in memory; `npm run schema:print` writes the committed copy.
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'integer', scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    jit: 1,
    graphiql: false,
    queryDepth: config.graphqlMaxDepth,
    // GRAPHQL_INTROSPECTION (off in production): the schema is not handed to whoever asks.
    validationRules: [
      maxRootFieldsRule(config.graphqlMaxRootFields),
      ...(config.graphqlIntrospection ? [] : [NoSchemaIntrospectionCustomRule]),
    ],
    context: (request: FastifyRequest): GraphqlContext => ({ req: request as unknown as GraphqlRequest, loaders: new Loaders() }),
    errorFormatter: (execution, context) => formatErrors(execution, context as { reply?: FastifyReply }, config),
    hooks: {
      // Each subscription started on a connection: the first one puts the connection under watch.
      preSubscriptionExecution: [
        async (_schema: unknown, _document: unknown, context: SubscriptionConnectionContext) => {
          if (context.socket && context.principal && context.accessToken)
            input.live?.track(context.socket, context.principal, context.accessToken);
        },
      ],
      preExecution: [
        async (schema, document, context, variables) => {
          const operationName = (context as { reply?: FastifyReply }).reply?.request?.body as { operationName?: string } | undefined;
          checkComplexity(
            schema,
            document,
            variables as Record<string, unknown> | undefined,
            operationName?.operationName,
            config.graphqlMaxComplexity,
          );
        },
      ],
    },
    subscription: {
      emitter: input.emitter as never,
      onConnect: async ({ payload }: { payload?: Record<string, unknown> }) => {
        const raw = (payload?.authorization ?? payload?.Authorization ?? payload?.accessToken) as string | undefined;
        const token = raw ? (bearerToken(raw) ?? raw) : null;
        const principal = await input.authenticate(token);
        if (!principal || principal.scope !== 'full') return false;
        return { principal, accessToken: token };
      },
      context: (socket: ClosableSocket, request: FastifyRequest) => ({
        req: request as unknown as GraphqlRequest,
        loaders: new Loaders(),
        socket,
      }),
    },
  } as MercuriusDriverConfig;
}
