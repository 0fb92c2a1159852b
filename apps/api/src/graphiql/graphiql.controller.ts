import { Controller, Get, Param, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { introspectionFromSchema, IntrospectionQuery } from 'graphql';
import { createReadStream } from 'node:fs';
import { notFound, Public } from '@gesit/platform';
import { GRAPHIQL_ASSETS } from './graphiql.assets';
import { GRAPHIQL_PAGE } from './graphiql.page';

/** GraphiQL for developers; the module is left out of the production API. */
@Public()
@Controller('graphiql')
export class GraphiqlController {
  private introspection: IntrospectionQuery | null = null;

  constructor(private readonly modules: ModuleRef) {}

  @Get()
  page(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(GRAPHIQL_PAGE);
  }

  /**
   * The schema for GraphiQL's documentation and completion. GraphiQL would otherwise ask /graphql with
   * the standard introspection query, which is 15 levels deep and so refused by the depth limit.
   */
  @Get('schema.json')
  schema(): IntrospectionQuery {
    // GraphQLModule keeps the schema host to itself; strict: false looks it up from here all the same.
    this.introspection ??= introspectionFromSchema(this.modules.get(GraphQLSchemaHost, { strict: false }).schema);
    return this.introspection;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() reply: FastifyReply): FastifyReply {
    const asset = GRAPHIQL_ASSETS.get(name);
    if (!asset) throw notFound({ id: `Berkas GraphiQL "${name}"`, en: `GraphiQL asset "${name}"` });
    return reply.type(asset.contentType).header('cache-control', 'public, max-age=3600').send(createReadStream(asset.file));
  }
}
