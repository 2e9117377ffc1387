import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type CreateReflectionRequest,
  ErrorCode,
  MUSEUM_LIMITS,
  PublicationStatus,
  type ReflectionDto,
  type ReflectionPromptDto,
  type ReflectionRoomDetailResponse,
  type ReflectionRoomDto,
  Role,
  type SharedReflectionsResponse,
  type UpdateReflectionRequest,
} from '@careerside/shared';
import { RequestValidationException, ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { DomainException } from '../../common/errors/domain.exception';
import { AppointmentsRepository } from '../appointments/appointments.repository';
import { MediaService } from '../media/media.service';
import type { MuseumHallEntity } from '../museum/museum-hall.entity';
import { MuseumRepository } from '../museum/museum.repository';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ReflectionEntity, ReflectionPromptEntity } from './reflection.entity';
import { toPromptDto, toReflectionDto } from './reflection.mapper';
import { ReflectionRepository } from './reflection.repository';

/**
 * The Career Reflection Room: guided prompts attached to halls, and students' answers. An answer belongs to
 * its author alone; another student gets 404 for it. Sharing with the counselor is a flag the student turns on
 * (and off); counselors read only what is shared.
 */
@Injectable()
export class ReflectionService {
  constructor(
    private readonly reflections: ReflectionRepository,
    private readonly museum: MuseumRepository,
    private readonly users: UsersRepository,
    private readonly media: MediaService,
    private readonly appointments: AppointmentsRepository,
  ) {}

  async rooms(viewer: UserEntity): Promise<{ items: ReflectionRoomDto[] }> {
    const halls = await this.museum.listHalls({ publishedOnly: true });
    const [prompts, own, covers] = await Promise.all([
      this.reflections.promptsOfHalls(halls.map((hall) => hall.id)),
      this.reflections.listOwn(viewer.id),
      this.media.dtosByIds(halls.map((hall) => hall.coverMediaId)),
    ]);
    const answered = new Set(own.map((reflection) => reflection.promptId));
    const items = halls.flatMap((hall) => {
      const mine = prompts.filter((prompt) => prompt.hallId === hall.id);
      if (mine.length === 0) return [];
      const cover = hall.coverMediaId ? covers.get(hall.coverMediaId) : undefined;
      return [
        {
          hallId: hall.id,
          hallTitle: hall.title,
          hallSubtitle: hall.subtitle,
          coverUrl: cover ? (cover.thumbUrl ?? cover.url) : null,
          promptCount: mine.length,
          answeredCount: mine.filter((prompt) => answered.has(prompt.id)).length,
        },
      ];
    });
    return { items };
  }

  async room(viewer: UserEntity, hallId: string): Promise<ReflectionRoomDetailResponse> {
    const hall = await this.publishedHall(hallId, viewer.role === Role.Admin);
    const [prompts, own] = await Promise.all([
      this.reflections.promptsOfHalls([hall.id]),
      this.reflections.listOwn(viewer.id, hall.id),
    ]);
    const promptMap = new Map(prompts.map((prompt) => [prompt.id, prompt]));
    const titles = new Map([[hall.id, hall.title]]);
    return {
      hallId: hall.id,
      hallTitle: hall.title,
      prompts: prompts.map((prompt) => ({
        ...toPromptDto(prompt),
        reflections: own
          .filter((reflection) => reflection.promptId === prompt.id)
          .map((reflection) => toReflectionDto(reflection, promptMap, titles)),
      })),
    };
  }

  async create(viewer: UserEntity, request: CreateReflectionRequest): Promise<ReflectionDto> {
    const prompt = await this.reflections.findPrompt(request.promptId);
    const hall = prompt ? await this.museum.findHall(prompt.hallId) : null;
    if (!prompt || !hall || hall.status !== PublicationStatus.Published) {
      throw new RequestValidationException([{ field: 'promptId', message: 'promptId names no open prompt' }]);
    }
    if (request.exhibitId) {
      const [exhibit] = await this.museum.findVisibleExhibits([request.exhibitId]);
      if (!exhibit || exhibit.hallId !== hall.id) {
        throw new RequestValidationException([
          { field: 'exhibitId', message: 'exhibitId names no exhibit of this hall' },
        ]);
      }
    }
    const now = new Date();
    const shared = request.sharedWithCounselor === true;
    const reflection = Object.assign(new ReflectionEntity(), {
      id: randomUUID(),
      userId: viewer.id,
      promptId: prompt.id,
      hallId: hall.id,
      exhibitId: request.exhibitId ?? null,
      text: request.text,
      sharedWithCounselor: shared,
      sharedAt: shared ? now : null,
      createdAt: now,
      updatedAt: now,
    } satisfies ReflectionEntity);
    await this.reflections.insert(reflection);
    return this.present(reflection);
  }

  async update(viewer: UserEntity, id: string, request: UpdateReflectionRequest): Promise<ReflectionDto> {
    const reflection = await this.own(viewer, id);
    const changes: Partial<ReflectionEntity> = {};
    if (request.text !== undefined) changes.text = request.text;
    if (
      request.sharedWithCounselor !== undefined &&
      request.sharedWithCounselor !== reflection.sharedWithCounselor
    ) {
      changes.sharedWithCounselor = request.sharedWithCounselor;
      changes.sharedAt = request.sharedWithCounselor ? new Date() : null;
    }
    if (Object.keys(changes).length > 0) await this.reflections.update(id, changes);
    return this.present(await this.own(viewer, id));
  }

  async remove(viewer: UserEntity, id: string): Promise<void> {
    await this.own(viewer, id);
    await this.reflections.remove(id);
  }

  async mine(viewer: UserEntity): Promise<{ items: ReflectionDto[] }> {
    return { items: await this.presentMany(await this.reflections.listOwn(viewer.id)) };
  }

  /**
   * What a student chose to share with "their counselor": only counselors whose advisor profile has an
   * appointment with the student (not cancelled) may read it; anyone else gets 404, as for a missing student.
   */
  async sharedByStudent(counselor: UserEntity, studentId: string): Promise<SharedReflectionsResponse> {
    const student = await this.users.findById(studentId);
    if (!student || student.role !== Role.Student) throw new ResourceNotFoundException('Student');
    const related =
      counselor.advisorId !== null &&
      (await this.appointments.studentHasAppointmentWith(student.id, counselor.advisorId));
    if (!related) throw new ResourceNotFoundException('Student');
    return {
      student: { id: student.id, name: student.name },
      items: await this.presentMany(await this.reflections.listShared(student.id)),
    };
  }

  // Staff: prompts

  async prompts(hallId: string): Promise<{ items: ReflectionPromptDto[] }> {
    await this.anyHall(hallId);
    return { items: (await this.reflections.promptsOfHalls([hallId])).map(toPromptDto) };
  }

  async createPrompt(hallId: string, text: string): Promise<ReflectionPromptDto> {
    await this.anyHall(hallId);
    if ((await this.reflections.countPrompts(hallId)) >= MUSEUM_LIMITS.promptsPerHall) {
      throw new DomainException(
        ErrorCode.Conflict,
        HttpStatus.CONFLICT,
        `A hall has at most ${MUSEUM_LIMITS.promptsPerHall} prompts`,
      );
    }
    const now = new Date();
    const prompt = Object.assign(new ReflectionPromptEntity(), {
      id: randomUUID(),
      hallId,
      text,
      position: await this.reflections.nextPromptPosition(hallId),
      createdAt: now,
      updatedAt: now,
    } satisfies ReflectionPromptEntity);
    await this.reflections.insertPrompt(prompt);
    return toPromptDto(prompt);
  }

  async updatePrompt(id: string, text: string): Promise<ReflectionPromptDto> {
    if (!(await this.reflections.findPrompt(id))) throw new ResourceNotFoundException('Prompt');
    await this.reflections.updatePrompt(id, text);
    return toPromptDto((await this.reflections.findPrompt(id)) as ReflectionPromptEntity);
  }

  /** A prompt students have answered stays: deleting it would orphan their writing. */
  async deletePrompt(id: string): Promise<void> {
    if (!(await this.reflections.findPrompt(id))) throw new ResourceNotFoundException('Prompt');
    if ((await this.reflections.countReflectionsOfPrompt(id)) > 0) {
      throw new DomainException(
        ErrorCode.Conflict,
        HttpStatus.CONFLICT,
        'Students have answered this prompt; edit it instead',
      );
    }
    await this.reflections.deletePrompt(id);
  }

  private async own(viewer: UserEntity, id: string): Promise<ReflectionEntity> {
    const reflection = await this.reflections.findOwn(id, viewer.id);
    if (!reflection) throw new ResourceNotFoundException('Reflection');
    return reflection;
  }

  private async publishedHall(id: string, includeDrafts: boolean): Promise<MuseumHallEntity> {
    const hall = await this.museum.findHall(id);
    if (!hall || (!includeDrafts && hall.status !== PublicationStatus.Published))
      throw new ResourceNotFoundException('Hall');
    return hall;
  }

  private async anyHall(id: string): Promise<MuseumHallEntity> {
    const hall = await this.museum.findHall(id);
    if (!hall) throw new ResourceNotFoundException('Hall');
    return hall;
  }

  private async present(reflection: ReflectionEntity): Promise<ReflectionDto> {
    const [dto] = await this.presentMany([reflection]);
    return dto;
  }

  private async presentMany(rows: ReflectionEntity[]): Promise<ReflectionDto[]> {
    const prompts = await this.reflections.findPromptsByIds(rows.map((row) => row.promptId));
    const hallIds = [...new Set(rows.map((row) => row.hallId))];
    const halls = await Promise.all(hallIds.map((id) => this.museum.findHall(id)));
    const promptMap = new Map(prompts.map((prompt) => [prompt.id, prompt]));
    const titles = new Map(halls.filter((hall) => hall !== null).map((hall) => [hall.id, hall.title]));
    return rows.map((row) => toReflectionDto(row, promptMap, titles));
  }
}
