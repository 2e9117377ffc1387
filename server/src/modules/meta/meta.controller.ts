import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoute, type MetaResponse, resolveLocale } from '@careerside/shared';
import { Public } from '../../common/decorators/public.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { MetaQueryDto } from './dto/meta-query.dto';
import { MetaResponseDto } from './dto/meta-response.dto';
import { MetaService } from './meta.service';

@ApiTags('system')
@Public()
@Controller()
export class MetaController {
  constructor(private readonly meta: MetaService) {}

  @Get(ApiRoute.meta)
  @Header('Vary', 'Accept-Language')
  @ApiOperation({
    summary: 'Taxonomies (topics, industries, key sectors, degrees, ...) with labels in one locale',
  })
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'en-US for English; Simplified Chinese by default',
  })
  @ApiOkResponse({ type: MetaResponseDto })
  @ApiErrors(400)
  describe(@Query() query: MetaQueryDto, @Headers('accept-language') acceptLanguage?: string): MetaResponse {
    return this.meta.describe(resolveLocale(query.lang ?? acceptLanguage));
  }
}
