import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type SubscriptionListResponse,
  SubscriptionMode,
  type UpdateSubscriptionsRequest,
} from '@careerside/shared';
import { RequestValidationException } from '../../common/errors/common.exceptions';
import { runInTransaction } from '../../database/transactions';
import type { UserEntity } from '../users/user.entity';
import { SubscribeMessageSender } from '../wechat/subscribe-message.sender';
import type { RecordedResult } from './subscription-grants.repository';
import { SubscriptionGrantsRepository } from './subscription-grants.repository';
import { TemplateRegistry } from './templates/template-registry';

/** The consent wallet: which templates the app asks this user about, and what they granted. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: TemplateRegistry,
    private readonly grants: SubscriptionGrantsRepository,
    private readonly sender: SubscribeMessageSender,
  ) {}

  async list(user: UserEntity): Promise<SubscriptionListResponse> {
    const grants = new Map(
      (await this.grants.listForUser(user.id)).map((grant) => [grant.templateId, grant]),
    );
    return {
      items: this.registry.catalogFor(user.role).map(({ kind, template }) => {
        const grant = grants.get(template.templateId);
        const remaining = grant ? Math.max(0, grant.remaining) : 0;
        return {
          kind,
          templateId: template.templateId,
          mode: template.mode,
          remaining: template.mode === SubscriptionMode.LongTerm ? Math.min(remaining, 1) : remaining,
          granted: remaining > 0,
          lastResult: grant?.lastResult ?? null,
          updatedAt: grant?.updatedAt.toISOString() ?? null,
        };
      }),
      wechatPushEnabled: this.sender.isConfigured,
    };
  }

  /** Records one wx.requestSubscribeMessage answer. Every template id must be one the app asks this user about. */
  async record(user: UserEntity, request: UpdateSubscriptionsRequest): Promise<SubscriptionListResponse> {
    const results: RecordedResult[] = [];
    const unknown: string[] = [];
    for (const [templateId, result] of Object.entries(request.results)) {
      const mode = this.registry.modeFor(user.role, templateId);
      if (mode === null) unknown.push(templateId);
      else results.push({ templateId, mode, result: result });
    }
    if (unknown.length > 0) {
      throw new RequestValidationException(
        unknown.map((templateId) => ({
          field: `results.${templateId}`,
          message: `${templateId} is not a template this app asks you to subscribe to`,
        })),
      );
    }
    await runInTransaction(this.dataSource, (manager) =>
      this.grants.record(manager, user.id, results, new Date()),
    );
    return this.list(user);
  }
}
