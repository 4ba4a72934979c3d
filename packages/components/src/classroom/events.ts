import type { Announcement, Course, Lecture, Material, StudentProfile } from '@iq-eservices/api';
import { IqEvent } from '../core/events.js';

/** What `<iq-classroom>` shows instead of fetching (each part the contract's type). */
export interface ClassroomData {
  profile: StudentProfile;
  courses: readonly Course[];
  lectures: readonly Lecture[];
  /** Each course's materials, by course id. */
  materials?: Readonly<Record<string, readonly Material[]>>;
  announcements?: readonly Announcement[];
}

/**
 * The student chose to join a live lecture. Unless the host calls `preventDefault()` (to open it
 * its own way), the element opens `joinUrl` in a new tab.
 */
export class IqLectureJoinEvent extends IqEvent {
  static readonly eventName = 'iq-lecture-join';
  constructor(
    readonly lectureId: string,
    readonly courseId: string,
    readonly joinUrl: string,
  ) {
    super(IqLectureJoinEvent.eventName, { cancelable: true });
  }
}

/** A material was downloaded whole, matched its checksum and is kept on the device for offline use. */
export class IqMaterialSavedEvent extends IqEvent {
  static readonly eventName = 'iq-material-saved';
  constructor(
    readonly materialId: string,
    readonly version: number,
    readonly size: number,
  ) {
    super(IqMaterialSavedEvent.eventName);
  }
}

/**
 * The student opened a saved material (from the device: no network needed). `url` is an object
 * URL of its bytes, valid until the element leaves the page. Unless the host calls
 * `preventDefault()` (to show it in a viewer of its own), the element opens it in a new tab.
 */
export class IqMaterialOpenEvent extends IqEvent {
  static readonly eventName = 'iq-material-open';
  constructor(
    readonly materialId: string,
    readonly url: string,
    readonly mediaType: string,
  ) {
    super(IqMaterialOpenEvent.eventName, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iq-lecture-join': IqLectureJoinEvent;
    'iq-material-saved': IqMaterialSavedEvent;
    'iq-material-open': IqMaterialOpenEvent;
  }
}
