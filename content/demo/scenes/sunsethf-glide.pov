// realcheck demo pack: a camera move over POV-Ray's "sunsethf" scene (advanced/sunsethf.pov,
// from Debian's povray-examples). The scene is included as it is; only its camera is
// replaced (POV-Ray uses the last camera declared). clock runs from 0 to 1 over the clip:
// the camera glides forward and down over the water towards the rocks.
#include "sunsethf.pov"

camera {
  location <0.0, 80.0, -300.0> + clock * <10.0, -25.0, 90.0>
  angle 65
  up <0.0, 1.0, 0.0>
  right x*image_width/image_height
  look_at <0.0, 30.0, 200.0>
}
