import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from './pmr/v1/Box.ts';
import type { Landmarks as _pmr_v1_Landmarks, Landmarks__Output as _pmr_v1_Landmarks__Output } from './pmr/v1/Landmarks.ts';
import type { Point as _pmr_v1_Point, Point__Output as _pmr_v1_Point__Output } from './pmr/v1/Point.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pmr: {
    v1: {
      Box: MessageTypeDefinition<_pmr_v1_Box, _pmr_v1_Box__Output>
      Landmarks: MessageTypeDefinition<_pmr_v1_Landmarks, _pmr_v1_Landmarks__Output>
      Point: MessageTypeDefinition<_pmr_v1_Point, _pmr_v1_Point__Output>
    }
  }
}

