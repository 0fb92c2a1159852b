import { Module } from '@nestjs/common';
import { OrganisationModule } from '@gesit/organisation';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';
import { SlaPlanner } from './sla/sla-planner.service';

@Module({
  imports: [OrganisationModule],
  providers: [CalendarService, SlaPlanner, CalendarResolver],
  exports: [CalendarService, SlaPlanner],
})
export class CalendarModule {}
