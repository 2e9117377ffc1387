import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CounselorRoute } from '@careerside/shared';
import { Public } from '../../common/decorators/public.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CalendarFeedService } from './calendar-feed.service';

@ApiTags('counselor')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(CounselorRoute.calendarFeedIcs)
  @Public()
  @Header('cache-control', 'private, max-age=300')
  @ApiOperation({
    summary: 'A counselor’s appointments as an RFC 5545 calendar (the secret token is the credential)',
    description:
      'Subscribe from Apple, Google or Outlook calendars. No private notes. Unknown or rotated token: 404.',
  })
  @ApiOkResponse({ content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiErrors(404)
  async ics(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const calendar = await this.feeds.ics(token);
    // Set only on success: errors stay JSON ErrorBody.
    void reply.type('text/calendar; charset=utf-8');
    return calendar;
  }
}
