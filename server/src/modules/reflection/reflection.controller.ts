import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ReflectionDto,
  type ReflectionPromptDto,
  type ReflectionRoomDetailResponse,
  type ReflectionRoomDto,
  ReflectionRoute,
  Role,
  type SharedReflectionsResponse,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import {
  CreateReflectionDto,
  ReflectionListResponseDto,
  ReflectionPromptListResponseDto,
  ReflectionPromptResponseDto,
  ReflectionPromptTextDto,
  ReflectionResponseDto,
  ReflectionRoomDetailResponseDto,
  ReflectionRoomListResponseDto,
  SharedReflectionsResponseDto,
  UpdateReflectionDto,
} from './dto/reflection.dto';
import { ReflectionService } from './reflection.service';

@ApiTags('reflection')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class ReflectionController {
  constructor(private readonly reflection: ReflectionService) {}

  @Get(ReflectionRoute.rooms)
  @ApiOperation({ summary: 'Halls with reflection prompts, and how many this user has answered' })
  @ApiOkResponse({ type: ReflectionRoomListResponseDto })
  rooms(@CurrentUser() viewer: UserEntity): Promise<{ items: ReflectionRoomDto[] }> {
    return this.reflection.rooms(viewer);
  }

  @Get(ReflectionRoute.room)
  @ApiOperation({ summary: "A hall's prompts with this user's own reflections" })
  @ApiOkResponse({ type: ReflectionRoomDetailResponseDto })
  @ApiErrors(404)
  room(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<ReflectionRoomDetailResponse> {
    return this.reflection.room(viewer, id);
  }

  @Post(ReflectionRoute.reflections)
  @Roles(Role.Student)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Write a reflection (private unless sharedWithCounselor is true)' })
  @ApiCreatedResponse({ type: ReflectionResponseDto })
  @ApiErrors(400, 403)
  create(@CurrentUser() viewer: UserEntity, @Body() body: CreateReflectionDto): Promise<ReflectionDto> {
    return this.reflection.create(viewer, body);
  }

  @Patch(ReflectionRoute.reflection)
  @Roles(Role.Student)
  @ApiOperation({ summary: 'Edit one of your reflections, or share or unshare it with your counselor' })
  @ApiOkResponse({ type: ReflectionResponseDto })
  @ApiErrors(400, 403, 404)
  update(
    @CurrentUser() viewer: UserEntity,
    @Param('id') id: string,
    @Body() body: UpdateReflectionDto,
  ): Promise<ReflectionDto> {
    return this.reflection.update(viewer, id, body);
  }

  @Delete(ReflectionRoute.reflection)
  @Roles(Role.Student)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of your reflections' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(403, 404)
  remove(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<void> {
    return this.reflection.remove(viewer, id);
  }

  @Get(ReflectionRoute.mine)
  @ApiOperation({ summary: 'All of your reflections, newest first' })
  @ApiOkResponse({ type: ReflectionListResponseDto })
  mine(@CurrentUser() viewer: UserEntity): Promise<{ items: ReflectionDto[] }> {
    return this.reflection.mine(viewer);
  }

  @Get(ReflectionRoute.sharedByStudent)
  @Roles(Role.Counselor)
  @ApiOperation({ summary: 'Counselors: the reflections a student shared with their counselor' })
  @ApiOkResponse({ type: SharedReflectionsResponseDto })
  @ApiErrors(403, 404)
  shared(@CurrentUser() counselor: UserEntity, @Param('id') id: string): Promise<SharedReflectionsResponse> {
    return this.reflection.sharedByStudent(counselor, id);
  }

  @Get(ReflectionRoute.admin.prompts)
  @Roles(Role.Admin)
  @ApiOperation({ summary: "Staff: a hall's reflection prompts" })
  @ApiOkResponse({ type: ReflectionPromptListResponseDto })
  @ApiErrors(403, 404)
  prompts(@Param('id') hallId: string): Promise<{ items: ReflectionPromptDto[] }> {
    return this.reflection.prompts(hallId);
  }

  @Post(ReflectionRoute.admin.prompts)
  @Roles(Role.Admin)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Staff: add a reflection prompt to a hall' })
  @ApiCreatedResponse({ type: ReflectionPromptResponseDto })
  @ApiErrors(400, 403, 404, [409, 'A hall has at most 10 prompts'])
  createPrompt(
    @Param('id') hallId: string,
    @Body() body: ReflectionPromptTextDto,
  ): Promise<ReflectionPromptDto> {
    return this.reflection.createPrompt(hallId, body.text);
  }

  @Patch(ReflectionRoute.admin.prompt)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Staff: reword a prompt' })
  @ApiOkResponse({ type: ReflectionPromptResponseDto })
  @ApiErrors(400, 403, 404)
  updatePrompt(@Param('id') id: string, @Body() body: ReflectionPromptTextDto): Promise<ReflectionPromptDto> {
    return this.reflection.updatePrompt(id, body.text);
  }

  @Delete(ReflectionRoute.admin.prompt)
  @Roles(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Staff: delete a prompt nobody has answered yet' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(403, 404, [409, 'Students have answered it'])
  deletePrompt(@Param('id') id: string): Promise<void> {
    return this.reflection.deletePrompt(id);
  }
}
