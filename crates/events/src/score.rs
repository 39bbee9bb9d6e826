//! The scorer behind `khabar eval`: a faithful port of `../shared/score/score.py`.
//! (Being written; see the helper task.)
