import type { ReflectionDto, ReflectionPromptDto } from '@careerside/shared';
import type { ReflectionEntity, ReflectionPromptEntity } from './reflection.entity';

export function toPromptDto(prompt: ReflectionPromptEntity): ReflectionPromptDto {
  return { id: prompt.id, hallId: prompt.hallId, text: prompt.text, position: prompt.position };
}

export function toReflectionDto(
  reflection: ReflectionEntity,
  prompts: ReadonlyMap<string, ReflectionPromptEntity>,
  hallTitles: ReadonlyMap<string, string>,
): ReflectionDto {
  return {
    id: reflection.id,
    promptId: reflection.promptId,
    promptText: prompts.get(reflection.promptId)?.text ?? '',
    hallId: reflection.hallId,
    hallTitle: hallTitles.get(reflection.hallId) ?? '',
    exhibitId: reflection.exhibitId,
    text: reflection.text,
    sharedWithCounselor: reflection.sharedWithCounselor,
    sharedAt: reflection.sharedAt?.toISOString() ?? null,
    createdAt: reflection.createdAt.toISOString(),
    updatedAt: reflection.updatedAt.toISOString(),
  };
}
