import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ContinueTourResponse,
  type ExhibitDto,
  type ExhibitListResponse,
  type FollowResponse,
  type HallDetailResponse,
  type HallListResponse,
  MuseumReaction,
  MuseumRoute,
  type ReactionResponse,
  type TagListResponse,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { HallExhibitsQueryDto, MuseumSearchQueryDto } from './dto/museum-queries.dto';
import {
  ContinueTourResponseDto,
  ExhibitListResponseDto,
  ExhibitResponseDto,
  FollowResponseDto,
  HallDetailResponseDto,
  HallListResponseDto,
  ReactionResponseDto,
  TagListResponseDto,
} from './dto/museum-response.dto';
import { MuseumService } from './museum.service';

@ApiTags('museum')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class MuseumController {
  constructor(private readonly museum: MuseumService) {}

  @Get(MuseumRoute.halls)
  @ApiOperation({ summary: 'Published halls in order' })
  @ApiOkResponse({ type: HallListResponseDto })
  halls(@CurrentUser() viewer: UserEntity): Promise<HallListResponse> {
    return this.museum.listHalls(viewer);
  }

  @Get(MuseumRoute.hall)
  @ApiOperation({ summary: 'A hall with a page of its published exhibits (drafts are 404 to students)' })
  @ApiOkResponse({ type: HallDetailResponseDto })
  @ApiErrors(400, 404)
  hall(
    @CurrentUser() viewer: UserEntity,
    @Param('id') id: string,
    @Query() query: HallExhibitsQueryDto,
  ): Promise<HallDetailResponse> {
    return this.museum.hall(viewer, id, query);
  }

  @Put(MuseumRoute.hallFollow)
  @ApiOperation({ summary: 'Follow a hall to hear of its new exhibits (idempotent)' })
  @ApiOkResponse({ type: FollowResponseDto })
  @ApiErrors(404)
  follow(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<FollowResponse> {
    return this.museum.follow(viewer, id, true);
  }

  @Delete(MuseumRoute.hallFollow)
  @ApiOperation({ summary: 'Stop following a hall (idempotent)' })
  @ApiOkResponse({ type: FollowResponseDto })
  @ApiErrors(404)
  unfollow(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<FollowResponse> {
    return this.museum.follow(viewer, id, false);
  }

  @Get(MuseumRoute.exhibit)
  @ApiOperation({
    summary: 'One exhibit: body as rich-text nodes, media, alumni, neighbours',
    description:
      'Drafts are 404 to students; staff see drafts (the CMS preview). The view is counted asynchronously.',
  })
  @ApiOkResponse({ type: ExhibitResponseDto })
  @ApiErrors(404)
  exhibit(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<ExhibitDto> {
    return this.museum.exhibit(viewer, id);
  }

  @Put(MuseumRoute.exhibitLike)
  @ApiOperation({ summary: 'Like an exhibit (idempotent)' })
  @ApiOkResponse({ type: ReactionResponseDto })
  @ApiErrors(404)
  like(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<ReactionResponse> {
    return this.museum.react(viewer, id, MuseumReaction.Like, true);
  }

  @Delete(MuseumRoute.exhibitLike)
  @ApiOperation({ summary: 'Take a like back (idempotent)' })
  @ApiOkResponse({ type: ReactionResponseDto })
  @ApiErrors(404)
  unlike(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<ReactionResponse> {
    return this.museum.react(viewer, id, MuseumReaction.Like, false);
  }

  @Put(MuseumRoute.exhibitFavourite)
  @ApiOperation({ summary: 'Add an exhibit to favourites (idempotent)' })
  @ApiOkResponse({ type: ReactionResponseDto })
  @ApiErrors(404)
  favourite(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<ReactionResponse> {
    return this.museum.react(viewer, id, MuseumReaction.Favourite, true);
  }

  @Delete(MuseumRoute.exhibitFavourite)
  @ApiOperation({ summary: 'Remove an exhibit from favourites (idempotent)' })
  @ApiOkResponse({ type: ReactionResponseDto })
  @ApiErrors(404)
  unfavourite(@CurrentUser() viewer: UserEntity, @Param('id') id: string): Promise<ReactionResponse> {
    return this.museum.react(viewer, id, MuseumReaction.Favourite, false);
  }

  @Get(MuseumRoute.search)
  @ApiOperation({ summary: 'Search published exhibits by title and tag, optionally in one key sector' })
  @ApiOkResponse({ type: ExhibitListResponseDto })
  @ApiErrors(400)
  search(@Query() query: MuseumSearchQueryDto): Promise<ExhibitListResponse> {
    return this.museum.search(query);
  }

  @Get(MuseumRoute.tags)
  @ApiOperation({ summary: 'Tags of published exhibits, most used first' })
  @ApiOkResponse({ type: TagListResponseDto })
  tags(): Promise<TagListResponse> {
    return this.museum.tags();
  }

  @Get(MuseumRoute.continueTour)
  @ApiOperation({ summary: '"Continue your tour": the exhibit this user last opened' })
  @ApiOkResponse({ type: ContinueTourResponseDto })
  continueTour(@CurrentUser() viewer: UserEntity): Promise<ContinueTourResponse> {
    return this.museum.continueTour(viewer);
  }

  @Get(MuseumRoute.myFavourites)
  @ApiOperation({ summary: "The signed-in user's favourite exhibits, newest first" })
  @ApiOkResponse({ type: ExhibitListResponseDto })
  favourites(@CurrentUser() viewer: UserEntity): Promise<ExhibitListResponse> {
    return this.museum.favourites(viewer);
  }
}
