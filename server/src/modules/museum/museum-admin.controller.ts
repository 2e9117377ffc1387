import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AdminExhibitDto,
  type AdminHallDto,
  type ExhibitCardDto,
  MuseumRoute,
  type PreviewMarkdownResponse,
  type PublishExhibitResponse,
  Role,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import {
  CreateExhibitDto,
  CreateHallDto,
  PreviewMarkdownDto,
  ReorderDto,
  UpdateExhibitDto,
  UpdateHallDto,
} from './dto/museum-admin.dto';
import {
  AdminExhibitResponseDto,
  AdminHallListResponseDto,
  AdminHallResponseDto,
  ExhibitListResponseDto,
  PreviewMarkdownResponseDto,
  PublishExhibitResponseDto,
} from './dto/museum-response.dto';
import { MuseumAdminService } from './museum-admin.service';

const MEDIA_ERRORS: [number, string] = [
  400,
  'VALIDATION_FAILED names each field; MEDIA_REFERENCE_INVALID names media fields',
];

@ApiTags('museum admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiErrors(401, 403)
@Controller()
export class MuseumAdminController {
  constructor(private readonly admin: MuseumAdminService) {}

  @Get(MuseumRoute.admin.halls)
  @ApiOperation({ summary: 'Every hall, drafts included, in order' })
  @ApiOkResponse({ type: AdminHallListResponseDto })
  halls(@CurrentUser() actor: UserEntity): Promise<{ items: AdminHallDto[] }> {
    return this.admin.listHalls(actor);
  }

  @Post(MuseumRoute.admin.halls)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a hall (a draft, placed last)' })
  @ApiCreatedResponse({ type: AdminHallResponseDto })
  @ApiErrors(MEDIA_ERRORS)
  createHall(@CurrentUser() actor: UserEntity, @Body() body: CreateHallDto): Promise<AdminHallDto> {
    return this.admin.createHall(actor, body);
  }

  @Get(MuseumRoute.admin.hall)
  @ApiOperation({ summary: 'One hall, draft or not' })
  @ApiOkResponse({ type: AdminHallResponseDto })
  @ApiErrors(404)
  hall(@CurrentUser() actor: UserEntity, @Param('id') id: string): Promise<AdminHallDto> {
    return this.admin.hall(actor, id);
  }

  @Patch(MuseumRoute.admin.hall)
  @ApiOperation({ summary: 'Edit a hall' })
  @ApiOkResponse({ type: AdminHallResponseDto })
  @ApiErrors(MEDIA_ERRORS, 404)
  updateHall(
    @CurrentUser() actor: UserEntity,
    @Param('id') id: string,
    @Body() body: UpdateHallDto,
  ): Promise<AdminHallDto> {
    return this.admin.updateHall(actor, id, body);
  }

  @Post(MuseumRoute.admin.hallPublish)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a hall (needs a cover)' })
  @ApiOkResponse({ type: AdminHallResponseDto })
  @ApiErrors(404, [409, 'MUSEUM_CONTENT_INCOMPLETE'])
  publishHall(@CurrentUser() actor: UserEntity, @Param('id') id: string): Promise<AdminHallDto> {
    return this.admin.setHallPublished(actor, id, true);
  }

  @Post(MuseumRoute.admin.hallUnpublish)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw a hall (its exhibits disappear for students with it)' })
  @ApiOkResponse({ type: AdminHallResponseDto })
  @ApiErrors(404)
  unpublishHall(@CurrentUser() actor: UserEntity, @Param('id') id: string): Promise<AdminHallDto> {
    return this.admin.setHallPublished(actor, id, false);
  }

  @Put(MuseumRoute.admin.hallsOrder)
  @ApiOperation({ summary: 'Reorder the halls: every hall id, once, in the new order' })
  @ApiOkResponse({ type: AdminHallListResponseDto })
  @ApiErrors(400, [409, 'REORDER_MISMATCH'])
  reorderHalls(
    @CurrentUser() actor: UserEntity,
    @Body() body: ReorderDto,
  ): Promise<{ items: AdminHallDto[] }> {
    return this.admin.reorderHalls(actor, body.ids);
  }

  @Get(MuseumRoute.admin.hallExhibits)
  @ApiOperation({ summary: 'Every exhibit of a hall, drafts included, in order' })
  @ApiOkResponse({ type: ExhibitListResponseDto })
  @ApiErrors(404)
  hallExhibits(@Param('id') id: string): Promise<{ items: ExhibitCardDto[] }> {
    return this.admin.hallExhibits(id);
  }

  @Put(MuseumRoute.admin.hallExhibitsOrder)
  @ApiOperation({ summary: "Reorder a hall's exhibits: every exhibit id, once, in the new order" })
  @ApiOkResponse({ type: ExhibitListResponseDto })
  @ApiErrors(400, 404, [409, 'REORDER_MISMATCH'])
  reorderExhibits(@Param('id') id: string, @Body() body: ReorderDto): Promise<{ items: ExhibitCardDto[] }> {
    return this.admin.reorderExhibits(id, body.ids);
  }

  @Post(MuseumRoute.admin.exhibits)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create an exhibit (a draft, placed last in its hall)' })
  @ApiCreatedResponse({ type: AdminExhibitResponseDto })
  @ApiErrors(MEDIA_ERRORS)
  createExhibit(@CurrentUser() actor: UserEntity, @Body() body: CreateExhibitDto): Promise<AdminExhibitDto> {
    return this.admin.createExhibit(actor, body);
  }

  @Get(MuseumRoute.admin.exhibit)
  @ApiOperation({ summary: 'One exhibit for the editor: Markdown source plus the rendered preview' })
  @ApiOkResponse({ type: AdminExhibitResponseDto })
  @ApiErrors(404)
  exhibit(@CurrentUser() actor: UserEntity, @Param('id') id: string): Promise<AdminExhibitDto> {
    return this.admin.exhibit(actor, id);
  }

  @Patch(MuseumRoute.admin.exhibit)
  @ApiOperation({ summary: 'Edit an exhibit; a new hallId moves it to the end of that hall' })
  @ApiOkResponse({ type: AdminExhibitResponseDto })
  @ApiErrors(MEDIA_ERRORS, 404)
  updateExhibit(
    @CurrentUser() actor: UserEntity,
    @Param('id') id: string,
    @Body() body: UpdateExhibitDto,
  ): Promise<AdminExhibitDto> {
    return this.admin.updateExhibit(actor, id, body);
  }

  @Post(MuseumRoute.admin.exhibitPublish)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Publish an exhibit; the first time, the hall's followers are told" })
  @ApiOkResponse({ type: PublishExhibitResponseDto })
  @ApiErrors(404, [409, 'MUSEUM_CONTENT_INCOMPLETE (a cover is needed)'])
  publishExhibit(@CurrentUser() actor: UserEntity, @Param('id') id: string): Promise<PublishExhibitResponse> {
    return this.admin.publishExhibit(actor, id);
  }

  @Post(MuseumRoute.admin.exhibitUnpublish)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw an exhibit to draft' })
  @ApiOkResponse({ type: AdminExhibitResponseDto })
  @ApiErrors(404)
  unpublishExhibit(@CurrentUser() actor: UserEntity, @Param('id') id: string): Promise<AdminExhibitDto> {
    return this.admin.unpublishExhibit(actor, id);
  }

  @Post(MuseumRoute.admin.preview)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Render Markdown as the exhibit page will show it, without saving' })
  @ApiOkResponse({ type: PreviewMarkdownResponseDto })
  @ApiErrors(400)
  preview(@Body() body: PreviewMarkdownDto): PreviewMarkdownResponse {
    return this.admin.preview(body.markdown);
  }
}
