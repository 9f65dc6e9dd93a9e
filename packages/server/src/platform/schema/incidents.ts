/** Row types of the incident log (issue #19, migration 122). */
export interface IncidentsTable {
  id: string;
  municipality_id: string;
  title: string;
  sort_key: string;
  description: string | null;
  detected_at: string;
  significant: number;
  status: string;
  closed_at: string | null;
  reports_json: string;
  lessons: string | null;
  follow_up_json: string;
  recorded_by_name: string;
  confidential_osl_paragraph: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IncidentSystemsTable {
  municipality_id: string;
  incident_id: string;
  system_id: string;
}

export interface IncidentsDatabase {
  incidents: IncidentsTable;
  incident_systems: IncidentSystemsTable;
}
