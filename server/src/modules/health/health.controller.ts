import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoute, type HealthResponse } from '@careerside/shared';
import { Public } from '../../common/decorators/public.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { HealthResponseDto } from './dto/health-response.dto';
import { HealthService } from './health.service';

@ApiTags('system')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get(ApiRoute.health)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Liveness and readiness: the database answers a query; Redis when configured' })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiErrors([503, 'SERVICE_UNAVAILABLE: the database does not answer'])
  check(): Promise<HealthResponse> {
    return this.health.check();
  }
}
