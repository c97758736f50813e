// The subset of VROOM's JSON API (docs/API.md of VROOM-Project/vroom) the
// planner reads and writes: problem (jobs, shipments, vehicles, matrices) and
// solution (routes → steps, unassigned). Times in seconds, locations [lon, lat].

/** [lon, lat]. */
export type VroomLocation = [number, number];
/** [start, end], seconds. */
export type VroomWindow = [number, number];

export interface VroomJob {
  id: number;
  description?: string;
  location?: VroomLocation;
  location_index?: number;
  setup?: number;
  service?: number;
  delivery?: number[];
  pickup?: number[];
  skills?: number[];
  priority?: number;
  time_windows?: VroomWindow[];
}

/** One end of a shipment: a job without amounts, skills or priority. */
export type VroomShipmentStep = Omit<VroomJob, 'delivery' | 'pickup' | 'skills' | 'priority'>;

export interface VroomShipment {
  pickup: VroomShipmentStep;
  delivery: VroomShipmentStep;
  amount?: number[];
  skills?: number[];
  priority?: number;
}

export interface VroomBreak {
  id: number;
  time_windows?: VroomWindow[];
  service?: number;
  description?: string;
}

export interface VroomVehicle {
  id: number;
  profile?: string;
  description?: string;
  start?: VroomLocation;
  start_index?: number;
  end?: VroomLocation;
  end_index?: number;
  capacity?: number[];
  costs?: { fixed?: number; per_hour?: number; per_km?: number };
  skills?: number[];
  time_window?: VroomWindow;
  breaks?: VroomBreak[];
  speed_factor?: number;
  max_tasks?: number;
  max_travel_time?: number;
  max_distance?: number;
}

export interface VroomMatrix {
  durations?: number[][];
  distances?: number[][];
}

export interface VroomProblem {
  jobs?: VroomJob[];
  shipments?: VroomShipment[];
  vehicles: VroomVehicle[];
  matrices?: Record<string, VroomMatrix>;
}

/** Task types of solution steps. */
export type VroomTaskType = 'job' | 'pickup' | 'delivery';

export interface VroomStep {
  type: 'start' | VroomTaskType | 'break' | 'end';
  id?: number;
  description?: string;
  location?: VroomLocation;
  arrival: number;
  /** Cumulated travel time on arrival. */
  duration: number;
  service?: number;
  waiting_time?: number;
  load?: number[];
  distance: number;
}

export interface VroomRoute {
  vehicle: number;
  description?: string;
  steps: VroomStep[];
  cost: number;
  service: number;
  /** Travel time of the route. */
  duration: number;
  waiting_time: number;
  distance: number;
}

export interface VroomSolution {
  code: 0;
  summary: { cost: number; routes: number; unassigned: number; service: number; duration: number; waiting_time: number; distance: number };
  unassigned: { id: number; type: VroomTaskType; location?: VroomLocation; description?: string }[];
  routes: VroomRoute[];
}

/** A message about one key of one entity, e.g. path "jobs[2] (job 7).setup". */
export interface VroomNote {
  path: string;
  message: string;
}
