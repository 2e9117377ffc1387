import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ReflectionEntity, ReflectionPromptEntity } from './reflection.entity';

@Injectable()
export class ReflectionRepository {
  constructor(
    @InjectRepository(ReflectionPromptEntity) private readonly prompts: Repository<ReflectionPromptEntity>,
    @InjectRepository(ReflectionEntity) private readonly reflections: Repository<ReflectionEntity>,
  ) {}

  promptsOfHalls(hallIds: readonly string[]): Promise<ReflectionPromptEntity[]> {
    if (hallIds.length === 0) return Promise.resolve([]);
    return this.prompts.find({ where: { hallId: In([...hallIds]) }, order: { position: 'ASC', id: 'ASC' } });
  }

  findPrompt(id: string): Promise<ReflectionPromptEntity | null> {
    return this.prompts.findOneBy({ id });
  }

  findPromptsByIds(ids: readonly string[]): Promise<ReflectionPromptEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.prompts.findBy({ id: In([...new Set(ids)]) });
  }

  async nextPromptPosition(hallId: string): Promise<number> {
    const row = await this.prompts
      .createQueryBuilder('prompt')
      .select('MAX(prompt.position)', 'max')
      .where('prompt.hallId = :hallId', { hallId })
      .getRawOne<{ max: number | null }>();
    return Number(row?.max ?? -1) + 1;
  }

  countPrompts(hallId: string): Promise<number> {
    return this.prompts.countBy({ hallId });
  }

  async insertPrompt(prompt: ReflectionPromptEntity): Promise<void> {
    await this.prompts.insert(prompt);
  }

  async updatePrompt(id: string, text: string): Promise<void> {
    await this.prompts.update({ id }, { text, updatedAt: new Date() });
  }

  async deletePrompt(id: string): Promise<void> {
    await this.prompts.delete({ id });
  }

  countReflectionsOfPrompt(promptId: string): Promise<number> {
    return this.reflections.countBy({ promptId });
  }

  /** Only the owner's: another student's reflection is simply not found. */
  findOwn(id: string, userId: string): Promise<ReflectionEntity | null> {
    return this.reflections.findOneBy({ id, userId });
  }

  listOwn(userId: string, hallId?: string): Promise<ReflectionEntity[]> {
    return this.reflections.find({
      where: hallId ? { userId, hallId } : { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 500,
    });
  }

  listShared(userId: string): Promise<ReflectionEntity[]> {
    return this.reflections.find({
      where: { userId, sharedWithCounselor: true },
      order: { sharedAt: 'DESC', id: 'ASC' },
      take: 500,
    });
  }

  async insert(reflection: ReflectionEntity): Promise<void> {
    await this.reflections.insert(reflection);
  }

  async update(id: string, changes: Partial<ReflectionEntity>): Promise<void> {
    await this.reflections.update({ id }, { ...changes, updatedAt: new Date() });
  }

  async remove(id: string): Promise<void> {
    await this.reflections.delete({ id });
  }
}
