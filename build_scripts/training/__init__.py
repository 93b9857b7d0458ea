"""培训班 (issue 11): the trainer's, trainee's and collecting pages read the question bank in the browser; this
package only vendors the two QR libraries from npm (qr_vendor.py) and adds them to the site (hook.py)."""
