import { Module } from '@nestjs/common';
import { GraphiqlController } from './graphiql.controller';

/** `/graphiql` and its assets; imported only outside production. */
@Module({ controllers: [GraphiqlController] })
export class GraphiqlModule {}
