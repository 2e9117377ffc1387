import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { MediaEntity } from './media.entity';

@Injectable()
export class MediaRepository {
  constructor(@InjectRepository(MediaEntity) private readonly media: Repository<MediaEntity>) {}

  findBySha256(sha256: string): Promise<MediaEntity | null> {
    return this.media.findOneBy({ sha256 });
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, MediaEntity>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.media.findBy({ id: In(unique) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  async insert(media: MediaEntity): Promise<void> {
    await this.media.insert(media);
  }
}
