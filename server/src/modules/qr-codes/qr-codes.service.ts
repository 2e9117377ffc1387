import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import QRCode from 'qrcode';
import { ADVISING_TOPICS, ErrorCode, QR_SCENE, Role } from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { DomainException } from '../../common/errors/domain.exception';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import type { AdvisorEntity } from '../advisors/advisor.entity';
import { ADVISOR_PAGE, advisorBookingUrl } from '../advisors/advisor.mapper';
import { AdvisorsRepository } from '../advisors/advisors.repository';
import { WechatApiError, WechatNotConfiguredError, WechatTransportError } from '../wechat/wechat.errors';
import { MiniProgramCodeClient } from './mini-program-code.client';
import type { UserEntity } from '../users/user.entity';
import { renderPoster } from './poster';

/** The booking tab: what the center's own code opens. */
export const CENTER_PAGE = 'pages/booking/index';

export class MiniProgramCodeUnavailableException extends DomainException {
  constructor(reason: string, cause?: unknown) {
    super(
      ErrorCode.MiniProgramCodeUnavailable,
      HttpStatus.SERVICE_UNAVAILABLE,
      `The mini-program code cannot be made: ${reason}`,
      undefined,
      {
        cause,
        headers: { 'retry-after': '30' },
      },
    );
  }
}

export class NotOwnAdvisorException extends DomainException {
  constructor() {
    super(
      ErrorCode.NotOwnAdvisor,
      HttpStatus.FORBIDDEN,
      "Only staff and the advisor's own counselor can get this advisor's poster and mini-program code",
    );
  }
}

const MAX_CACHED = 500;

/**
 * Codes that open an advisor's booking page: a standard QR code of the link under PUBLIC_URL (the `qrcode`
 * library), the WeChat mini-program code with scene `a=<shortCode>`, and a printable door poster. Each is
 * cached in memory by what it encodes, so a poster on many doors costs one render and one WeChat call.
 */
@Injectable()
export class QrCodesService {
  private readonly logger = new Logger('QrCodes');
  private readonly cache = new Map<string, Buffer>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly advisors: AdvisorsRepository,
    private readonly miniProgramCodes: MiniProgramCodeClient,
  ) {}

  async advisorQr(advisorRef: string, size: number): Promise<Buffer> {
    const advisor = await this.advisor(advisorRef);
    return this.qr(advisorBookingUrl(this.config.http.publicUrl, advisor.id), size);
  }

  centerQr(size: number): Promise<Buffer> {
    return this.qr(`${this.config.http.publicUrl}/${CENTER_PAGE}`, size);
  }

  /** The scene is `a=<shortCode>` (8 characters; WeChat allows 32). */
  async advisorMiniProgramCode(user: UserEntity, advisorRef: string): Promise<Buffer> {
    const advisor = await this.ownAdvisor(user, advisorRef);
    return this.miniProgramCode(`${QR_SCENE.advisorPrefix}${advisor.shortCode}`, ADVISOR_PAGE);
  }

  /** The center's own code, scene `c=1`: it opens the booking tab (the advisor list). */
  centerMiniProgramCode(): Promise<Buffer> {
    return this.miniProgramCode(QR_SCENE.center, CENTER_PAGE);
  }

  private miniProgramCode(scene: string, page: string): Promise<Buffer> {
    return this.cached(`wxacode:${scene}:${page}:${this.config.wechat.miniprogramState}`, async () => {
      try {
        return await this.miniProgramCodes.create({ scene, page });
      } catch (error) {
        if (error instanceof WechatNotConfiguredError)
          throw new MiniProgramCodeUnavailableException('WECHAT_APPID is not set', error);
        if (error instanceof WechatApiError || error instanceof WechatTransportError) {
          throw new MiniProgramCodeUnavailableException(error.message, error);
        }
        throw error;
      }
    });
  }

  async poster(user: UserEntity, advisorRef: string): Promise<Buffer> {
    const advisor = await this.ownAdvisor(user, advisorRef);
    const url = advisorBookingUrl(this.config.http.publicUrl, advisor.id);
    const key = `poster:${advisor.id}:${advisor.updatedAt.getTime()}:${url}`;
    return this.cached(key, async () =>
      renderPoster({
        center: '学生就业指导服务中心',
        name: advisor.name,
        title: advisor.title,
        location: advisor.location,
        topics: advisor.topics.map(
          (code) => ADVISING_TOPICS.find((topic) => topic.code === code)?.label['zh-CN'] ?? code,
        ),
        shortCode: advisor.shortCode,
        qrPng: await this.qr(url, 720),
        callToAction: '微信扫码 · 预约咨询 / 到场签到',
        footer: url,
      }),
    );
  }

  /** Staff may print any advisor's poster and code; a counselor only their own (a code spends WeChat's quota). */
  private async ownAdvisor(user: UserEntity, ref: string): Promise<AdvisorEntity> {
    const advisor = await this.advisor(ref);
    if (user.role !== Role.Admin && user.advisorId !== advisor.id) throw new NotOwnAdvisorException();
    return advisor;
  }

  private async advisor(ref: string): Promise<AdvisorEntity> {
    const advisor = await this.advisors.findByIdOrCode(ref);
    if (!advisor) throw new ResourceNotFoundException('Advisor');
    return advisor;
  }

  private qr(text: string, size: number): Promise<Buffer> {
    return this.cached(`qr:${size}:${text}`, () =>
      QRCode.toBuffer(text, { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M' }),
    );
  }

  private async cached(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const made = await make();
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, made);
    return made;
  }
}
