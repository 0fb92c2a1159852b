import { Module } from '@nestjs/common';
import { WebConsoleController } from './web-console.controller';

/** Serves the built web console at `/`; imported last so the API's own routes stay in front. */
@Module({ controllers: [WebConsoleController] })
export class WebConsoleModule {}
