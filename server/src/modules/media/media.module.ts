import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MediaController } from './media.controller';
import { MediaEntity } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';
import { MEDIA_STORAGE } from './media-storage';
import { createMediaStorage } from './media-storage.factory';

@Module({
  imports: [TypeOrmModule.forFeature([MediaEntity])],
  controllers: [MediaController],
  providers: [
    MediaRepository,
    MediaService,
    {
      provide: MEDIA_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createMediaStorage(config.media),
    },
  ],
  exports: [MediaService],
})
export class MediaModule {}
