import { Module } from '@nestjs/common';
import { OrganisationModule } from '@gesit/organisation';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

@Module({
  imports: [OrganisationModule],
  providers: [CalendarService, CalendarResolver],
  exports: [CalendarService],
})
export class CalendarModule {}
