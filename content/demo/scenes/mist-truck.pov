// realcheck demo pack: a camera move along POV-Ray's "mist" scene (advanced/mist.pov, from
// Debian's povray-examples). The scene is included as it is; only its camera is replaced
// (POV-Ray uses the last camera declared). clock runs from 0 to 1 over the clip: the camera
// slides sideways along the bridge in the fog, looking the same way.
#include "mist.pov"

#declare Move = clock * <-2.0, 0.2, 0.6>;
camera {
  location <4, 1.5, -8> + Move
  angle 65
  up <0, 1, 0>
  right x*image_width/image_height
  look_at <-1, 1.5, 0> + Move
}
