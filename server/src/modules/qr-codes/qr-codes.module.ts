import { Module } from '@nestjs/common';
import { AdvisorsModule } from '../advisors/advisors.module';
import { WechatModule } from '../wechat/wechat.module';
import { MiniProgramCodeClient } from './mini-program-code.client';
import { QrCodesController } from './qr-codes.controller';
import { QrCodesService } from './qr-codes.service';

/** QR codes, mini-program codes and door posters for advisors and the center. */
@Module({
  imports: [AdvisorsModule, WechatModule],
  controllers: [QrCodesController],
  providers: [QrCodesService, MiniProgramCodeClient],
})
export class QrCodesModule {}
