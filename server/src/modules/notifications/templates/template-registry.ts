import { Injectable } from '@nestjs/common';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type Role,
  type SubscriptionMode,
} from '@careerside/shared';
import type { AppConfig } from '../../../config/app-config';
import { InjectConfig } from '../../../config/inject-config.decorator';
import type { TemplateConfig } from '../../../config/notification-templates';
import { KIND_POLICY } from './kind-policy';

export interface CatalogEntry {
  kind: NotificationKind;
  template: TemplateConfig;
}

/** The configured subscribe-message templates (NOTIFY_TEMPLATES over the demo registry). */
@Injectable()
export class TemplateRegistry {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  forKind(kind: NotificationKind): TemplateConfig | null {
    return this.config.notifications.templates[kind] ?? null;
  }

  /** The kinds a user with this role is asked to subscribe to, each with its template. */
  catalogFor(role: Role): CatalogEntry[] {
    return NOTIFICATION_KINDS.flatMap((kind) => {
      const template = this.forKind(kind);
      return template && KIND_POLICY[kind].audience.includes(role) ? [{ kind, template }] : [];
    });
  }

  /** The mode of a template this role may grant, or null when the app never asks this role for it. */
  modeFor(role: Role, templateId: string): SubscriptionMode | null {
    return (
      this.catalogFor(role).find((entry) => entry.template.templateId === templateId)?.template.mode ?? null
    );
  }
}
