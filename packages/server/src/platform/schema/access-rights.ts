/** Row types of access rights: a system's levels, the rights, recertification and role templates (issue #14). */
export interface AccessLevelsTable {
  id: string;
  municipality_id: string;
  system_id: string;
  name: string;
  sort_key: string;
  description: string | null;
  privileged: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One person's right at one level of one system; the level's system copied for the lists and the rules. */
export interface AccessRightsTable {
  id: string;
  municipality_id: string;
  person_id: string;
  system_id: string;
  level_id: string;
  state: string;
  source: string;
  start_date: string;
  end_date: string | null;
  reason: string | null;
  case_reference: string | null;
  granted_at: string;
  granted_by_person_id: string | null;
  granted_by_name: string;
  activated_at: string | null;
  activation: string | null;
  exception_reason: string | null;
  exception_by_person_id: string | null;
  exception_by_name: string | null;
  flagged_for_removal: number;
  flagged_at: string | null;
  ended_at: string | null;
  ended_by_person_id: string | null;
  ended_by_name: string | null;
  end_reason: string | null;
  end_note: string | null;
  last_recertified_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RecertificationCampaignsTable {
  id: string;
  municipality_id: string;
  title: string;
  scope: string;
  system_id: string | null;
  department_id: string | null;
  due_date: string;
  started_at: string;
  started_by_person_id: string | null;
  started_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One right of a campaign, snapshotted when it started; decision null while undecided. */
export interface RecertificationItemsTable {
  municipality_id: string;
  campaign_id: string;
  right_id: string;
  system_id: string;
  person_id: string;
  decision: string | null;
  decided_at: string | null;
  decided_by_person_id: string | null;
  decided_by_name: string | null;
  note: string | null;
}

export interface RoleTemplatesTable {
  id: string;
  municipality_id: string;
  name: string;
  sort_key: string;
  description: string | null;
  department_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface RoleTemplateLevelsTable {
  municipality_id: string;
  template_id: string;
  level_id: string;
}

export interface AccessRightsDatabase {
  access_levels: AccessLevelsTable;
  access_rights: AccessRightsTable;
  recertification_campaigns: RecertificationCampaignsTable;
  recertification_items: RecertificationItemsTable;
  role_templates: RoleTemplatesTable;
  role_template_levels: RoleTemplateLevelsTable;
}
