// realcheck demo pack: a camera move around POV-Ray's "woodbox" scene (advanced/woodbox.pov
// by Dan Farmer, from Debian's povray-examples). The scene is included as it is; only its
// camera is replaced (POV-Ray uses the last camera declared). clock runs from 0 to 1 over
// the clip: the camera turns 30 degrees around the box, always looking at its centre.
#include "woodbox.pov"

camera {
  location vrotate(<-5, 10, -15>, <0, 30 * clock, 0>)
  angle 45
  right x*image_width/image_height
  look_at <0, 0, 0>
}
