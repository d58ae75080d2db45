//! The tally's rule: counts a teacher enters by hand may not say more than the class
//! has pupils. A question with one right answer counts pupils (each raises a hand
//! once), so its counts together stay within the class; a question with several
//! right answers counts ticks, so each option's count stays within the class.

/// Why a count was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TallyRefusal {
    /// More answers than pupils: at most `most` fit (for this option, or in all).
    MoreThanClass { most: u32 },
}

/// The counts with option `option` set to `value`, or why not. A `class_size` of 0
/// (a class with no pupils listed) sets no limit.
pub fn set_count(
    counts: &[u32],
    option: usize,
    value: u32,
    class_size: u32,
    counts_pupils: bool,
) -> Result<Vec<u32>, TallyRefusal> {
    let mut next = counts.to_vec();
    if next.len() <= option {
        next.resize(option + 1, 0);
    }
    if class_size > 0 {
        let others: u32 = if counts_pupils {
            next.iter()
                .enumerate()
                .filter(|&(i, _)| i != option)
                .map(|(_, n)| *n)
                .sum()
        } else {
            0
        };
        let most = class_size.saturating_sub(others);
        if value > most {
            return Err(TallyRefusal::MoreThanClass { most });
        }
    }
    next[option] = value;
    Ok(next)
}

/// The counts with one more (`up`) or one fewer on `option`; a count never goes
/// below zero.
pub fn step_count(
    counts: &[u32],
    option: usize,
    up: bool,
    class_size: u32,
    counts_pupils: bool,
) -> Result<Vec<u32>, TallyRefusal> {
    let now = counts.get(option).copied().unwrap_or(0);
    let value = if up {
        now.saturating_add(1)
    } else {
        now.saturating_sub(1)
    };
    set_count(counts, option, value, class_size, counts_pupils)
}

/// Pupils counted so far on a question that counts pupils.
pub fn total(counts: &[u32]) -> u32 {
    counts.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pupils_together_stay_within_the_class() {
        let counts = [10, 14, 0];
        assert_eq!(step_count(&counts, 2, true, 25, true), Ok(vec![10, 14, 1]));
        assert_eq!(
            step_count(&[10, 15, 0], 2, true, 25, true),
            Err(TallyRefusal::MoreThanClass { most: 0 })
        );
        // Typing a number: the largest that fits is named.
        assert_eq!(
            set_count(&counts, 0, 30, 25, true),
            Err(TallyRefusal::MoreThanClass { most: 11 })
        );
        assert_eq!(set_count(&counts, 0, 11, 25, true), Ok(vec![11, 14, 0]));
    }

    #[test]
    fn ticks_stay_within_the_class_per_option() {
        // Several right answers: every pupil may tick every option.
        assert_eq!(set_count(&[25, 25], 2, 25, 25, false), Ok(vec![25, 25, 25]));
        assert_eq!(
            step_count(&[25], 0, true, 25, false),
            Err(TallyRefusal::MoreThanClass { most: 25 })
        );
    }

    #[test]
    fn counts_never_go_below_zero_and_an_empty_class_sets_no_limit() {
        assert_eq!(step_count(&[0, 3], 0, false, 25, true), Ok(vec![0, 3]));
        assert_eq!(step_count(&[2], 0, false, 25, true), Ok(vec![1]));
        assert_eq!(set_count(&[], 1, 300, 0, true), Ok(vec![0, 300]));
        assert_eq!(total(&[3, 4, 5]), 12);
    }
}
