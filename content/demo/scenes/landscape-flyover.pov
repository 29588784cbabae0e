// realcheck demo pack: a camera move over POV-Ray's "landscape" scene (advanced/landscape.pov
// by Christoph Hormann, from Debian's povray-examples). The scene is included as it is; only
// its camera is replaced (POV-Ray uses the last camera declared). clock runs from 0 to 1
// over the clip: the camera glides sideways and a little forward, still looking at the hills.
#include "landscape.pov"

#declare Move = clock * <-0.45, 0.30, 0.0>;
camera {
  location <3.0, 2.3, 0.3> + Move
  direction y
  sky z
  up z
  right x*image_width/image_height
  look_at <0.0, 0.0, 0.1> + Move * 0.6
  angle 32
}
