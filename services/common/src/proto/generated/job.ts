import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.ts';
import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from './pmr/v1/Job.ts';
import type { JobError as _pmr_v1_JobError, JobError__Output as _pmr_v1_JobError__Output } from './pmr/v1/JobError.ts';
import type { JobProgress as _pmr_v1_JobProgress, JobProgress__Output as _pmr_v1_JobProgress__Output } from './pmr/v1/JobProgress.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  pmr: {
    v1: {
      Job: MessageTypeDefinition<_pmr_v1_Job, _pmr_v1_Job__Output>
      JobError: MessageTypeDefinition<_pmr_v1_JobError, _pmr_v1_JobError__Output>
      JobProgress: MessageTypeDefinition<_pmr_v1_JobProgress, _pmr_v1_JobProgress__Output>
      JobState: EnumTypeDefinition
    }
  }
}

